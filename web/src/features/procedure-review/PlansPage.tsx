/** (stub: built by the web pages' author) */
export default function PlansPage() {
  return <div>PlansPage</div>;
}
