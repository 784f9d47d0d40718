/** Stub until built (issue 20). */
export default function ProcessesPage() {
  return <p>Đang xây dựng</p>;
}
