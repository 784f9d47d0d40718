/** (stub: built by the web pages' author) */
export default function ParametersPage() {
  return <div>ParametersPage</div>;
}
