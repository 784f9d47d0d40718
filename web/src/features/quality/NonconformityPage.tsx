/** Stub until built (issue 20). */
export default function NonconformityPage() {
  return <p>Đang xây dựng</p>;
}
