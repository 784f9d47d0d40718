/** Stub until built (issue 20). */
export default function SystemHome() {
  return <p>Đang xây dựng</p>;
}
