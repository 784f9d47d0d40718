/** Stub until built (issue 20). */
export default function ReviewsPage() {
  return <p>Đang xây dựng</p>;
}
