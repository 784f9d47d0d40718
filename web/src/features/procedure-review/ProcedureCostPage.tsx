/** (stub: built by the web pages' author) */
export default function ProcedureCostPage() {
  return <div>ProcedureCostPage</div>;
}
