/** (stub: built by the web pages' author) */
export default function ReviewsPage() {
  return <div>ReviewsPage</div>;
}
