/** Panel styles, scoped by the shadow root. Colours come from --fd-primary / --fd-on-primary set by the loader. */
export const PANEL_CSS = `
.panel{position:fixed;bottom:88px;right:20px;width:380px;height:min(640px,calc(100vh - 110px));display:flex;flex-direction:column;overscroll-behavior:contain;background:#fff;color:#1f2330;border-radius:16px;box-shadow:0 12px 48px rgba(15,20,40,.22);overflow:hidden;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji";transform-origin:bottom right;animation:fd-in .18s ease-out}
.left .panel{right:auto;left:20px;transform-origin:bottom left}
.panel[hidden]{display:none}
@keyframes fd-in{from{opacity:0;transform:translateY(12px) scale(.98)}}
.header{display:flex;align-items:center;gap:10px;padding:14px 12px 14px 16px;background:var(--fd-primary);color:var(--fd-on-primary)}
.header .avatar{width:36px;height:36px;font-size:16px;background:rgba(255,255,255,.25);color:inherit}
.titles{flex:1;min-width:0}
.titles h2{margin:0;font-size:16px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.subtitle{margin:0;font-size:12px;opacity:.9}
.icon-btn{all:unset;box-sizing:border-box;width:36px;height:36px;display:grid;place-items:center;border-radius:10px;cursor:pointer;color:inherit}
.icon-btn:hover{background:rgba(255,255,255,.18)}
.icon-btn svg{width:20px;height:20px}
:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.header :focus-visible{outline-color:var(--fd-on-primary)}
.banner{padding:8px 16px;background:#f3f4f8;color:#394055;font-size:13px;border-bottom:1px solid #e6e8ef}
.banner[hidden]{display:none}
.banner strong,.banner .net{display:block}
.log{flex:1;overflow-y:auto;overscroll-behavior:contain;margin:0;padding:16px 12px;list-style:none;display:flex;flex-direction:column;gap:10px;background:#fafbfc}
.row{display:flex;gap:8px;align-items:flex-end;max-width:100%}
.row.visitor{justify-content:flex-end}
.stack{display:flex;flex-direction:column;max-width:82%;min-width:0}
.visitor .stack{align-items:flex-end}
.stack.wide{max-width:100%}
.bubble{padding:9px 13px;border-radius:16px;background:#fff;border:1px solid #e6e8ef;overflow-wrap:anywhere;white-space:pre-wrap}
.greeting .bubble{max-width:82%}
.bubble.wide{padding:0;border:0;background:none;max-width:100%}
.visitor .bubble{background:var(--fd-primary);color:var(--fd-on-primary);border-color:transparent;border-bottom-right-radius:4px}
.bot .bubble,.agent .bubble{border-bottom-left-radius:4px}
.visitor .bubble a{color:inherit}
.bubble.invalid{background:#fff4f4;border-color:#f1b5b5;color:#8a1c1c}
.pending{opacity:.7}
.failed .meta{color:#b42318}
.bubble p{margin:0}
.meta{font-size:11px;color:#6b7285;margin-top:3px;padding:0 4px}
.avatar{flex:none;width:28px;height:28px;border-radius:50%;object-fit:cover;display:grid;place-items:center;background:#dfe3ee;color:#394055;font-weight:600;font-size:13px}
.event{justify-content:center;text-align:center;color:#5b6275;font-size:12px}
.event-text{margin:0;padding:2px 10px;border-radius:10px;background:#eef0f5}
a{color:#1d4ed8}
.media{margin:0}
.media img,.media video{display:block;max-width:100%;max-height:260px;border-radius:10px}
.media audio{max-width:100%}
figcaption{margin-top:4px}
.sources{margin-top:8px;padding-top:6px;border-top:1px solid rgba(127,127,127,.25);font-size:12px;line-height:1.4}
.sources-title{font-weight:600;opacity:.75}
.sources ul{margin:2px 0 0;padding-left:16px}
.source-link{color:var(--fd-primary);word-break:break-word}
.file-link,.link-button,.card-button{display:inline-block;margin-top:6px;padding:7px 12px;border-radius:10px;border:1px solid var(--fd-primary);color:var(--fd-primary);background:#fff;text-decoration:none;font:inherit;cursor:pointer}
.carousel{display:flex;gap:8px;overflow-x:auto;margin:0;padding:2px 2px 6px;list-style:none;scroll-snap-type:x mandatory}
.card{flex:none;width:200px;scroll-snap-align:start;background:#fff;border:1px solid #e6e8ef;border-radius:12px;padding:0 0 10px;overflow:hidden;display:flex;flex-direction:column}
.card img{width:100%;height:110px;object-fit:cover}
.card>*:not(img){margin-left:10px;margin-right:10px}
.card-title{font-weight:600;margin-top:8px}.card-subtitle{color:#5b6275;font-size:12px}
.form-reply{margin:0;display:grid;grid-template-columns:auto 1fr;gap:2px 8px}.form-reply dd{margin:0}
.typing{color:#6b7285;font-size:12px;display:flex;align-items:center;gap:8px}
.typing[hidden]{display:none}
.dots{display:inline-flex;gap:4px;padding:12px 14px;border-radius:16px;border-bottom-left-radius:4px;background:#fff;border:1px solid #e6e8ef}.dots i{width:6px;height:6px;border-radius:50%;background:#9aa1b4;animation:fd-dot 1s infinite}
.streaming .text::after{content:"";display:inline-block;width:7px;height:1em;margin-left:2px;vertical-align:-2px;background:#9aa1b4;animation:fd-dot 1s infinite}
.dots i:nth-child(2){animation-delay:.15s}.dots i:nth-child(3){animation-delay:.3s}
@keyframes fd-dot{50%{opacity:.3;transform:translateY(-2px)}}
.extra:empty{display:none}
.extra{padding:0 12px 8px;background:#fafbfc}
.composer{border-top:1px solid #e6e8ef;padding:10px 12px;display:flex;flex-direction:column;gap:8px;background:#fff}
.reply{display:flex;gap:8px;align-items:flex-end;margin:0}
.reply textarea,.reply input,.field input,.offline input{flex:1;min-width:0;box-sizing:border-box;font:inherit;color:inherit;padding:9px 12px;border:1px solid #cfd4e0;border-radius:12px;background:#fff;resize:none;max-height:120px}
.send{all:unset;box-sizing:border-box;width:40px;height:40px;border-radius:12px;display:grid;place-items:center;background:var(--fd-primary);color:var(--fd-on-primary);cursor:pointer}
.send svg{width:20px;height:20px}
.choices{display:flex;flex-wrap:wrap;gap:6px}
.choice{font:inherit;padding:7px 14px;border-radius:999px;border:1px solid var(--fd-primary);background:#fff;color:var(--fd-primary);cursor:pointer}
.choice:hover,.card-button:hover,.link-button:hover{background:var(--fd-primary);color:var(--fd-on-primary)}
.primary{font:inherit;padding:9px 14px;border:0;border-radius:12px;background:var(--fd-primary);color:var(--fd-on-primary);cursor:pointer;font-weight:600}
.primary:disabled{opacity:.6}
.fields,.offline{display:flex;flex-direction:column;gap:6px;margin:0}
.field{display:flex;flex-direction:column;gap:3px}
label{font-size:12px;font-weight:600;color:#394055}
[aria-invalid=true]{border-color:#d92d20!important}
.offline{padding:12px;border:1px solid #e6e8ef;border-radius:12px;background:#fff}
.offline p{margin:0}.offline-title{font-weight:600}
.error{color:#b42318;font-size:12px}.error:empty{display:none}
.resolved{margin:0;text-align:center;color:#394055}
.csat{padding:10px 12px;border-top:1px solid #e6e8ef;background:#fff;display:flex;flex-direction:column;gap:6px}
.csat p{margin:0}.csat-title{font-weight:600;text-align:center}
.csat-scores{display:flex;justify-content:center;gap:4px}
.csat-score{font:inherit;font-size:22px;line-height:1;padding:6px 8px;border:1px solid #cfd4e0;border-radius:10px;background:#fff;color:#9aa1b2;cursor:pointer}
.csat-score.lit,.csat-score:focus-visible{color:#d97706;border-color:#d97706}
.csat-comment{display:flex;flex-direction:column;gap:6px;margin:0}
.csat-comment textarea{font:inherit;padding:8px 10px;border:1px solid #cfd4e0;border-radius:10px;resize:none}
.csat-actions{display:flex;gap:8px;align-items:center}
.link{font:inherit;border:0;background:none;color:#394055;text-decoration:underline;cursor:pointer}
.csat-thanks{text-align:center;color:#394055}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px),(max-height:500px){.panel,.left .panel{inset:0;width:100%;height:100%;border-radius:0;bottom:0;right:0;left:0}
.composer{padding-bottom:max(10px,env(safe-area-inset-bottom))}
.reply textarea,.reply input,.field input,.offline input{font-size:16px}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
`;
