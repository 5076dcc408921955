/** The page's only style sheet, inlined and allowed by its hash in the Content-Security-Policy. */
export const STYLES = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#656d76;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--accent:#0969da;
--ok:#1a7f37;--redirect:#0969da;--client:#bc4c00;--server:#cf222e;--none:#8c959f;--new:#dafbe1;--warn:#fff8c5;--err:#ffebe9}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d;--accent:#4493f8;
--new:#12261e;--warn:#272115;--err:#25171c}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:0 16px 40px}
pre,code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
a{color:var(--accent)}
h1{font-size:20px;margin:16px 0 4px}h2{font-size:17px;margin:0}h3{font-size:13px;margin:10px 0 4px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.bar{position:sticky;top:0;z-index:2;display:flex;gap:12px;align-items:center;padding:8px 16px;background:var(--panel);border-bottom:1px solid var(--line)}
.bar input{flex:1;max-width:520px;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.hint,.muted{color:var(--muted)}
.cassette{margin:20px 0 30px}
.summary{display:flex;flex-wrap:wrap;gap:6px 18px;margin:6px 0}
.summary b{font-weight:600}
.timeline{display:block;width:100%;height:64px;background:var(--panel);border:1px solid var(--line);border-radius:6px}
.timeline rect{fill:var(--none)}
.timeline .s2 rect{fill:var(--ok)}.timeline .s3 rect{fill:var(--redirect)}.timeline .s4 rect{fill:var(--client)}.timeline .s5 rect{fill:var(--server)}
.timeline a:hover rect,.timeline a:focus rect{opacity:.6}
.legend span{margin-right:12px}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px;background:var(--none)}
.legend .s2 i{background:var(--ok)}.legend .s4 i{background:var(--client)}.legend .s5 i{background:var(--server)}
.ix{content-visibility:auto;contain-intrinsic-size:auto 360px;border:1px solid var(--line);border-left:4px solid var(--none);border-radius:6px;margin:14px 0;padding:8px 12px;scroll-margin-top:56px}
.ix.s2{border-left-color:var(--ok)}.ix.s3{border-left-color:var(--redirect)}.ix.s4{border-left-color:var(--client)}.ix.s5{border-left-color:var(--server)}
.ix.current{outline:2px solid var(--accent);outline-offset:2px}
.ix>header{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
.ix .url{overflow-wrap:anywhere}
.status{font-weight:600}.s2 .status{color:var(--ok)}.s4 .status{color:var(--client)}.s5 .status{color:var(--server)}
.msgs{list-style:none;margin:0;padding:0}
.msg{display:grid;grid-template-columns:96px 1fr;gap:8px;padding:5px 6px;border-top:1px solid var(--line)}
.msg.new{background:var(--new)}
.role{font-weight:600;color:var(--muted)}.role-assistant .role{color:var(--ok)}.role-system .role,.role-developer .role{color:var(--redirect)}.role-tool .role{color:var(--client)}
.new-mark{display:block;font-size:11px;font-weight:600;color:var(--ok)}
h3 .muted{text-transform:none;letter-spacing:0;font-weight:400}
.call{margin:4px 0;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:var(--panel)}
.call .name{font-weight:600}.call .id,.ref{color:var(--muted);font-size:12px}
.bad{color:var(--server);font-weight:600}
.media img{max-width:320px;max-height:240px;border:1px solid var(--line);border-radius:4px;display:block;margin:4px 0}
details>summary{cursor:pointer;color:var(--muted)}
details.reasoning pre{color:var(--muted)}
.meta{color:var(--muted);margin-top:6px}
.findings{list-style:none;margin:6px 0;padding:0}
.findings li{padding:3px 8px;border-radius:4px;margin:2px 0;background:var(--warn)}
.findings li.error{background:var(--err)}
.findings .rule{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}
.raw-side h4{margin:8px 0 4px;font-size:12px}
.raw-side table{border-collapse:collapse;font-size:12px;margin-bottom:6px}
.raw-side td{border-top:1px solid var(--line);padding:1px 8px 1px 0;vertical-align:top;overflow-wrap:anywhere}
.raw-side pre{max-height:480px;overflow:auto;background:var(--panel);padding:6px;border-radius:4px}
.errors li{color:var(--server)}
`;
