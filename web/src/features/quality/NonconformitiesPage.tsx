/** Stub until built (issue 20). */
export default function NonconformitiesPage() {
  return <p>Đang xây dựng</p>;
}
