/** Stub until built (issue 20). */
export default function DocumentsPage() {
  return <p>Đang xây dựng</p>;
}
