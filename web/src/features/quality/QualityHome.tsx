/** Stub until built (issue 20). */
export default function QualityHome() {
  return <p>Đang xây dựng</p>;
}
