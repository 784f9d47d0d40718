/** Stub until built (issue 20). */
export default function AuditPage() {
  return <p>Đang xây dựng</p>;
}
