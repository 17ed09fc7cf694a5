/** A minimal query explorer served from the app itself (no CDN): editor, variables, token, result. */
export function graphiqlPage(): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>网格通 GraphQL</title>
<style>
body{margin:0;font:14px system-ui,"PingFang SC","Microsoft YaHei",sans-serif;display:grid;grid-template-rows:auto 1fr;height:100vh}
header{display:flex;gap:8px;align-items:center;padding:8px 12px;background:#0b3d91;color:#fff}
header input{flex:1;max-width:420px}main{display:grid;grid-template-columns:1fr 1fr;gap:8px;padding:8px;min-height:0}
textarea,pre{font:13px ui-monospace,monospace;border:1px solid #ccd;border-radius:4px;padding:8px;margin:0;overflow:auto}
.left{display:grid;grid-template-rows:2fr 1fr;gap:8px;min-height:0}button{padding:4px 14px}
</style></head><body>
<header><strong>网格通 GraphQL</strong><button id="run">运行 Run (Ctrl+Enter)</button>
<label>Token <input id="token" placeholder="Bearer token (optional)"></label></header>
<main><div class="left"><textarea id="query" aria-label="query">{
  communities {
    code name population households partyMembers hasLocation
    grids { code name population }
  }
}</textarea><textarea id="variables" aria-label="variables">{}</textarea></div><pre id="result" aria-label="result"></pre></main>
<script>
const $ = (id) => document.getElementById(id);
$('token').value = localStorage.getItem('gridscope.token') || '';
async function run() {
  localStorage.setItem('gridscope.token', $('token').value);
  let variables; try { variables = JSON.parse($('variables').value || '{}'); } catch (e) { $('result').textContent = 'Variables are not valid JSON: ' + e.message; return; }
  const headers = { 'content-type': 'application/json' };
  if ($('token').value) headers.authorization = 'Bearer ' + $('token').value;
  const response = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query: $('query').value, variables }) });
  $('result').textContent = JSON.stringify(await response.json(), null, 2);
}
$('run').onclick = run;
document.addEventListener('keydown', (e) => { if (e.ctrlKey && e.key === 'Enter') run(); });
</script></body></html>`;
}
