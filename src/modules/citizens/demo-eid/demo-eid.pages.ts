/**
 * The local provider's own pages, in Vietnamese first: the sign-in form, the sign-out question and
 * errors. Plain HTML with labelled fields and real buttons, so the keyboard and screen readers work;
 * a banner on every page says this is a local demo, not the national e-ID.
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;background:#f3f5f8;color:#1b1f24;line-height:1.5}
.banner{background:#fff4d6;border-bottom:2px solid #b7791f;padding:10px 16px;font-size:15px}
header{background:#a4161a;color:#fff;padding:16px}header h1{margin:0;font-size:20px}
main{max-width:440px;margin:24px auto;padding:0 16px}.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:20px}
label{display:block;font-weight:600;margin:12px 0 4px}input{width:100%;font-size:16px;padding:10px;border:1px solid #8c959f;border-radius:6px}
button{font-size:16px;padding:10px 16px;border-radius:6px;border:1px solid #a4161a;cursor:pointer;margin-top:16px}
.primary{background:#a4161a;color:#fff;width:100%}.secondary{background:#fff;color:#a4161a;width:100%}
:focus-visible{outline:3px solid #0969da;outline-offset:2px}.error{color:#a40e26;background:#ffebe9;padding:8px;border-radius:6px}
.hint{font-size:14px;color:#57606a}.en{color:#57606a;font-size:14px}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} — Cổng định danh điện tử (mô phỏng)</title><style>${STYLE}</style></head><body>
<div class="banner" role="note"><strong>Máy chủ định danh mô phỏng để chạy thử.</strong> Đây không phải VNeID; chỉ các công dân mẫu đăng nhập được.
<span class="en">Local demo e-ID provider for trying the portal — not the national VNeID.</span></div>
<header><h1>Cổng định danh điện tử (mô phỏng)</h1></header><main>${body}</main></body></html>`;
}

export function loginPage(uid: string, opts: { clientName: string; error?: string; username?: string; demoUsers: string[] }): string {
  const err = opts.error ? `<p class="error" role="alert" id="login-error">${esc(opts.error)}</p>` : '';
  const described = opts.error ? ' aria-describedby="login-error"' : '';
  return page('Đăng nhập', `<div class="card">
<h2 style="margin-top:0;font-size:18px">Đăng nhập để tiếp tục đến ${esc(opts.clientName)}</h2>${err}
<form method="post" action="/interaction/${esc(uid)}/login" autocomplete="off">
<label for="username">Số định danh cá nhân <span class="en">(ID number)</span></label>
<input id="username" name="username" inputmode="numeric" autocomplete="username" required autofocus value="${esc(opts.username ?? '')}"${described}>
<label for="password">Mật khẩu <span class="en">(password)</span></label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
<button class="primary" type="submit">Đăng nhập</button>
</form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button class="secondary" type="submit">Hủy, quay lại cổng dịch vụ công</button></form>
<p class="hint">Tài khoản mẫu / demo accounts: ${opts.demoUsers.map(esc).join(', ')} — mật khẩu xem README.</p>
</div>`);
}

export function messagePage(title: string, text: string): string {
  return page(title, `<div class="card"><h2 style="margin-top:0;font-size:18px">${esc(title)}</h2><p>${esc(text)}</p></div>`);
}

/** oidc-provider's RP-initiated logout asks the user; `form` is its hidden form, to be submitted by our buttons. */
export function logoutPage(form: string): string {
  return page('Đăng xuất', `<div class="card"><h2 style="margin-top:0;font-size:18px">Đăng xuất khỏi cổng định danh?</h2>
<p>Bạn đã đăng xuất khỏi cổng dịch vụ công. Có đăng xuất cả khỏi cổng định danh điện tử (mô phỏng) không? <span class="en">Also sign out of the e-ID provider?</span></p>
${form}<button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">Đăng xuất</button>
<button class="secondary" type="submit" form="op.logoutForm">Không, giữ đăng nhập</button></div>`);
}
