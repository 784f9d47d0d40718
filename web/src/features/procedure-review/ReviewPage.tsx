/** (stub: built by the web pages' author) */
export default function ReviewPage() {
  return <div>ReviewPage</div>;
}
