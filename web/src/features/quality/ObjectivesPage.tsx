/** Stub until built (issue 20). */
export default function ObjectivesPage() {
  return <p>Đang xây dựng</p>;
}
