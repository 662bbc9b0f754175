import { chooseOkxRegion } from '../../app/okxRegion';
import { okxRegionEndpoints } from '../../config/buildEndpoints';
import { isOkxRegion, OKX_REGION_LABEL, OKX_REGIONS, type OkxRegion } from '../../domain/okxRegion';
import { useOkxRegionStore } from '../../store/okxRegionStore';

/** The hosts a region connects to, as a trader checks them against their account's site. */
function hostsOf(region: OkxRegion): string {
  const { rest, publicWs } = okxRegionEndpoints(region);
  return [...new Set([new URL(rest).host, new URL(publicWs).host])].join(', ');
}

/** Which OKX entity's hosts the page uses: an account of the EEA or US/AU entity is served by its own. */
export function OkxRegionSelect() {
  const region = useOkxRegionStore((state) => state.region);
  return (
    <label className="region-field" title={`OKX connects to ${hostsOf(region)}`}>
      OKX region
      <select
        value={region}
        onChange={(event) => {
          if (isOkxRegion(event.target.value)) chooseOkxRegion(event.target.value);
        }}
      >
        {OKX_REGIONS.map((choice) => (
          <option key={choice} value={choice}>
            {OKX_REGION_LABEL[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}
