/** (stub: built by the web pages' author) */
export default function ReviewPlansPage() {
  return <div>ReviewPlansPage</div>;
}
