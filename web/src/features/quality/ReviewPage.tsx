/** Stub until built (issue 20). */
export default function ReviewPage() {
  return <p>Đang xây dựng</p>;
}
