export function ChartsPage() {
  return (
    <section aria-labelledby="charts-title" className="page">
      <h1 id="charts-title">Mark vs index</h1>
      <p className="empty-state">Pick a perpetual from the screener to chart its mark, index and premium.</p>
    </section>
  );
}
