/** Stub until built (issue 20). */
export default function DocumentPage() {
  return <p>Đang xây dựng</p>;
}
