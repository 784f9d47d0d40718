/** (stub: built by the web pages' author) */
export default function RankingPage() {
  return <div>RankingPage</div>;
}
