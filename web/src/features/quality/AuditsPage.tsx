/** Stub until built (issue 20). */
export default function AuditsPage() {
  return <p>Đang xây dựng</p>;
}
