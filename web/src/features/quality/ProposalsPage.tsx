/** Stub until built (issue 20). */
export default function ProposalsPage() {
  return <p>Đang xây dựng</p>;
}
