import { restoreOkxRegion } from './app/okxRegion';
import { startPerpFeedsEarly } from './app/perpFeeds';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// This small entry starts the ingest workers and their perpetual feeds before the views' much larger
// chunk has even downloaded, so the workers' script, sockets and first REST calls overlap the
// app's loading instead of following it. The views' chunk is requested at once: it is as much
// initial JS as before.
restoreOkxRegion();
startPerpFeedsEarly();
void import('./app/mount').then(({ mountApp }) => mountApp(root));
