/** (stub: built by the web pages' author) */
export default function PlanPage() {
  return <div>PlanPage</div>;
}
