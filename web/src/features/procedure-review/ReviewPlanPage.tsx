/** (stub: built by the web pages' author) */
export default function ReviewPlanPage() {
  return <div>ReviewPlanPage</div>;
}
