/** Stub until built (issue 20 scope 5). */
export default function BudgetPage() {
  return <p>Đang xây dựng</p>;
}
