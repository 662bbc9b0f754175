export function OptionsPage() {
  return (
    <section aria-labelledby="options-title" className="page">
      <h1 id="options-title">Options chain</h1>
      <p className="empty-state">Pick an underlying to read its chain.</p>
    </section>
  );
}
