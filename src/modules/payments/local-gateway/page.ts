/** The local gateway's pages: plain HTML forms, usable with the keyboard alone and on a phone. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f3f6fa;color:#1f2937}
main{max-width:440px;margin:24px auto;background:#fff;border-radius:8px;padding:20px;box-shadow:0 1px 4px #0002}
h1{font-size:1.25rem;color:#004a99;margin-top:0}dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px}dt{color:#4b5563}dd{margin:0;font-weight:600}
.amount{font-size:1.5rem;color:#b91c1c}label{display:block;margin:12px 0 4px}select{width:100%;padding:8px;font-size:1rem}
.buttons{display:flex;gap:12px;margin-top:20px}button{flex:1;padding:12px;font-size:1rem;border-radius:6px;border:1px solid #004a99;cursor:pointer}
button.pay{background:#004a99;color:#fff}button.cancel{background:#fff;color:#004a99}button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.note{font-size:.85rem;color:#6b7280;margin-top:16px}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function paymentPage(o: { txnRef: string; orderInfo: string; amount: number; merchantCode: string; expiresAt: string }): string {
  return layout('Cổng thanh toán thử nghiệm', `<h1>Cổng thanh toán (thử nghiệm)</h1>
<dl><dt>Đơn vị nhận</dt><dd>${esc(o.merchantCode)}</dd><dt>Mã giao dịch</dt><dd>${esc(o.txnRef)}</dd>
<dt>Nội dung</dt><dd>${esc(o.orderInfo)}</dd><dt>Số tiền</dt><dd class="amount">${o.amount.toLocaleString('vi-VN')} đồng</dd>
<dt>Hết hạn lúc</dt><dd>${esc(o.expiresAt)}</dd></dl>
<form method="post" action="/paymentv2/pay">
<input type="hidden" name="txnRef" value="${esc(o.txnRef)}">
<label for="bank">Ngân hàng</label>
<select id="bank" name="bankCode"><option value="NCB">NCB — Ngân hàng Quốc Dân</option><option value="VCB">Vietcombank</option><option value="AGRIBANK">Agribank</option></select>
<div class="buttons"><button type="submit" class="pay" name="action" value="pay">Thanh toán</button>
<button type="submit" class="cancel" name="action" value="cancel">Hủy giao dịch</button></div>
</form>
<p class="note">Đây là cổng thanh toán thử nghiệm chạy cùng bản trình diễn: không có tiền thật được chuyển. / A local test gateway: no money moves.</p>`);
}

export function errorPage(code: string, message: string): string {
  return layout('Lỗi thanh toán', `<h1>Không thực hiện được giao dịch</h1><p>Mã lỗi ${esc(code)}: ${esc(message)}</p>`);
}
