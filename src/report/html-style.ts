/**
 * The HTML report's stylesheet, inlined (system fonts only: no web font, no request). Colour carries
 * meaning (grades, warnings, failures) and is always doubled by text. Includes focus styles,
 * `prefers-reduced-motion` and a print stylesheet for A4 (wide tables on landscape pages).
 */
import { GRADE_COLOURS, NO_GRADE_COLOUR } from './html-model.js';

const gradeRules = Object.entries(GRADE_COLOURS)
  .map(([grade, { bg, fg }]) => `.g-${grade}{background:${bg};color:${fg}}.ring-${grade}{stroke:${bg}}`)
  .join('\n');

/** The report's CSS. */
export const REPORT_CSS = `
:root{color-scheme:light;--bg:#f2f4f6;--card:#fff;--ink:#17212b;--ink2:#33414d;--muted:#56636f;--line:#dde3e8;--soft:#f6f8f9;
--accent:#0b6e4f;--accent-ink:#075a40;--head:#0f3329;--warn-bg:#fff6df;--warn-ink:#5e4300;--warn-line:#e9b937;
--err-bg:#fdeceb;--err-ink:#9d1c16;--err-line:#e58a84;--ok-bg:#e8f5ec;--ok-ink:#17613a;--info-bg:#eaf1fb;--info-ink:#1d4a8a;
--font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;
--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
*,*::before,*::after{box-sizing:border-box}
html{font-size:15px;-webkit-text-size-adjust:100%}
@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
body{margin:0;background:var(--bg);color:var(--ink);font-family:var(--font);line-height:1.5;font-variant-numeric:tabular-nums}
a{color:var(--accent-ink)}
code,.mono{font-family:var(--mono);font-size:.88em}
:focus-visible{outline:3px solid #1a66d2;outline-offset:2px;border-radius:4px}
.vh{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:12px;top:-60px;z-index:20;background:#fff;color:var(--ink);padding:8px 14px;border-radius:8px;font-weight:600}
.skip:focus{top:12px}
.wrap{max-width:1240px;margin:0 auto;padding:0 20px}

/* Header */
.site{background:linear-gradient(180deg,#12392e 0%,#0e2e25 100%);color:#fff;padding-bottom:26px}
.topbar{display:flex;align-items:center;gap:20px;min-height:58px;border-bottom:1px solid rgba(255,255,255,.1)}
.brand{display:flex;align-items:center;gap:8px;font-weight:700;font-size:1.05rem;white-space:nowrap}
.brand svg{flex:none}
.brand .ver{font-weight:500;opacity:.7;font-size:.85rem}
.site nav{flex:1;min-width:0}
.site nav ul{display:flex;flex-wrap:wrap;gap:2px;list-style:none;margin:0;padding:0}
.site nav a{display:block;color:#cfe7dd;text-decoration:none;padding:6px 10px;border-radius:6px;font-size:.88rem}
.site nav a:hover{background:rgba(255,255,255,.1);color:#fff}
.site :focus-visible{outline-color:#9fd0ff}
.lang-toggle{flex:none;display:inline-flex;align-items:center;gap:6px;font:inherit;font-size:.88rem;font-weight:600;color:#0e2e25;background:#e4f4ec;border:0;border-radius:999px;padding:6px 14px;cursor:pointer}
.lang-toggle:hover{background:#fff}
.lang-toggle svg{flex:none}
.page-title{padding-top:26px}
.page-title .eyebrow{display:block;font-size:.78rem;font-weight:700;letter-spacing:.1em;text-transform:uppercase;color:#8fd3b6;margin:0 0 4px}
h1{font-size:1.85rem;line-height:1.2;margin:0;font-weight:750;letter-spacing:-.01em}
.page-title .lede{margin:6px 0 0;color:#cfe7dd;font-size:.95rem}
main{display:block;margin-top:28px;padding-bottom:32px}
h2{font-size:1.35rem;line-height:1.3;margin:0 0 14px;letter-spacing:-.005em}
h3{font-size:1.02rem;line-height:1.35;margin:0 0 6px}
.section{margin:36px 0 0;scroll-margin-top:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px 24px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
.note{color:var(--muted);font-size:.86rem;margin:0 0 10px}
.empty{color:var(--muted);font-style:italic;margin:8px 0}

/* Summary card (screenshotted as evidence/results.png) */
#summary{max-width:1000px;margin:0 auto;background:#fff;border:1px solid var(--line);border-radius:16px;box-shadow:0 10px 30px rgba(10,40,30,.14),0 1px 3px rgba(0,0,0,.06);overflow:hidden;scroll-margin-top:16px}
.sc-head{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;padding:22px 28px 16px;border-bottom:1px solid var(--line)}
.sc-head h2{margin:0;font-size:.78rem;font-weight:700;letter-spacing:.1em;text-transform:uppercase;color:var(--accent)}
.sc-title{font-size:1.3rem;font-weight:700;line-height:1.25;margin:3px 0 0;overflow-wrap:anywhere}
.sc-url{margin:4px 0 0;color:var(--muted);font-size:.88rem;overflow-wrap:anywhere}
.sc-url .url{font-family:var(--mono);font-size:.85rem;color:var(--ink2)}
.sc-meta{text-align:right;font-size:.84rem;color:var(--muted);line-height:1.6;flex:none}
.sc-meta strong{color:var(--ink2);font-weight:600}
.sc-body{display:grid;grid-template-columns:270px 1fr}
.sc-score{padding:22px 20px 20px;text-align:center;border-right:1px solid var(--line);display:flex;flex-direction:column;align-items:center}
.sc-score .label{font-size:.8rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--ink2);margin:0 0 8px}
.gauge{position:relative;display:inline-block;line-height:1}
.gauge svg{display:block}
.gauge .track{stroke:#e7ecef}
.gauge .g-val{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center}
.gauge .g-num{font-weight:750;color:var(--ink);letter-spacing:-.02em}
.gauge .g-max{color:var(--muted);font-size:.8rem;margin-top:3px}
.gauge-lg .g-num{font-size:2.7rem}
.gauge-sm .g-num{font-size:1.45rem}
.gauge-sm .g-max{font-size:.72rem;margin-top:1px}
.ring-none{stroke:${NO_GRADE_COLOUR.bg}}
.grade-badge{display:inline-flex;align-items:center;gap:10px;margin-top:14px;padding:5px 16px 5px 14px;border-radius:999px;font-weight:700}
.grade-badge .gl{font-size:.74rem;letter-spacing:.08em;text-transform:uppercase}
.grade-badge .gv{font-size:1.45rem;line-height:1}
.grade-none{background:${NO_GRADE_COLOUR.bg};color:${NO_GRADE_COLOUR.fg}}
.sc-spread{font-size:.82rem;color:var(--muted);margin:12px 0 0;line-height:1.4}
.sc-right{padding:20px 28px 22px;display:flex;flex-direction:column;gap:18px;min-width:0}
.subs{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;margin:0;padding:0;list-style:none}
.subscore{display:flex;flex-direction:column;align-items:center;text-align:center}
.sub-label{font-weight:650;margin-top:6px;font-size:.92rem}
.fp h3{font-size:.78rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--ink2);margin:0 0 8px}
.fp-tiles{display:grid;grid-template-columns:repeat(3,1fr);gap:10px;margin:0;padding:0;list-style:none}
.fp-tile{background:var(--soft);border:1px solid #e9edf0;border-radius:10px;padding:9px 13px}
.fp-tile .k{display:block;font-size:.74rem;color:var(--muted);letter-spacing:.03em}
.fp-tile .v{display:block;font-size:1.12rem;font-weight:700;white-space:nowrap}
.stats{display:grid;grid-template-columns:1.25fr 1fr 1fr 1fr 1fr;gap:0;margin:0;padding:10px 0 0;list-style:none;border-top:1px dashed var(--line)}
.stats li{padding:0 12px;border-left:1px solid var(--line)}
.stats li:first-child{padding-left:0;border-left:0}
.stats .k{display:block;font-size:.72rem;color:var(--muted);font-weight:600}
.stats .v{display:block;font-size:1.02rem;font-weight:700;white-space:nowrap}
.stats .x{display:block;font-size:.76rem}
.stats .bad .v{color:var(--err-ink)}
.unstable-text{color:#7a5200;font-weight:700}
.status-interrupted,.status-failed,.status-running{color:var(--err-ink);font-weight:700}
.sc-facts{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:10px 24px;margin:0;padding:14px 28px 16px;background:var(--soft);border-top:1px solid var(--line);font-size:.86rem}
.sc-facts div{min-width:0}
.sc-facts dt{color:var(--muted);font-size:.72rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase}
.sc-facts dd{margin:1px 0 0;overflow-wrap:anywhere}
.sc-facts .wide{grid-column:1/-1}
.src-pill{display:inline-block;padding:1px 9px;border-radius:999px;font-weight:700;font-size:.8rem;margin-right:6px}
.src-model{background:#e5ecfb;color:#1d3f8f}
.src-measured{background:var(--ok-bg);color:var(--ok-ink)}
.src-unknown{background:#eceff2;color:var(--ink2)}
.src-partly{background:#fff1d6;color:#6b4400}
.grade-badge .gv-none{font-size:1rem}
.sc-nograde{margin:12px 0 0;padding:8px 10px;border:1px solid var(--err-line);background:var(--err-bg);color:var(--err-ink);border-radius:8px;font-size:.86rem;font-weight:650;line-height:1.35;text-align:left}
.sp.gap{color:var(--err-ink);max-width:16em;margin:4px auto 0;white-space:normal}
.sp.gap-reference{color:var(--muted)}
.sp.basis-measured{color:var(--ok-ink);font-weight:650}
details.thresholds{margin-top:10px}details.thresholds summary{cursor:pointer;font-weight:650}
.failed-count{color:var(--err-ink);font-weight:700}

/* Warnings */
.alerts{list-style:none;margin:0;padding:0;display:grid;gap:10px}
.alert{border:1px solid;border-left-width:5px;border-radius:10px;padding:12px 16px;background:#fff}
.alert-error{background:var(--err-bg);border-color:var(--err-line);color:var(--err-ink)}
.alert-warn{background:var(--warn-bg);border-color:var(--warn-line);color:var(--warn-ink)}
.alert-info{background:var(--info-bg);border-color:#9dbbe6;color:var(--info-ink)}
.alert-ok{background:var(--ok-bg);border-color:#8cc9a3;color:var(--ok-ink);margin:0}
.alert .kind{display:inline-block;font-size:.72rem;font-weight:800;letter-spacing:.06em;text-transform:uppercase;margin-right:8px}
.alert p{margin:0}
.alert .hint{margin-top:8px;font-size:.84rem}
.alert pre,.step-error{font-weight:400;font-family:var(--mono);font-size:.8rem;white-space:pre-wrap;overflow-wrap:anywhere;margin:6px 0 0;background:rgba(255,255,255,.65);border-radius:6px;padding:6px 8px;color:var(--err-ink)}
.unstable-list{margin:8px 0 0;padding-left:18px;font-size:.88rem}
.unstable-list li{margin:2px 0}
.raw{margin-top:18px}
.raw ul{margin:6px 0 0;padding-left:20px;font-size:.88rem;color:var(--ink2)}
.raw li{margin:3px 0;overflow-wrap:anywhere}

/* Charts */
.charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:18px}
.chart-card{margin:0}
.chart-card.full{grid-column:1/-1}
.chart-box{position:relative;height:300px}
.chart-card.full .chart-box{height:320px}
.chart-box canvas{display:block;max-width:100%}

/* Tables */
.table-wrap{overflow-x:auto;background:#fff;border:1px solid var(--line);border-radius:12px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
table{border-collapse:collapse;width:100%;font-size:.8rem}
caption{caption-side:top;text-align:left;padding:12px 16px 10px;color:var(--muted);font-size:.84rem}
th,td{padding:8px 10px;border-top:1px solid var(--line);vertical-align:top;text-align:left}
thead th{background:var(--soft);color:var(--ink2);font-size:.78rem;font-weight:700;white-space:nowrap;vertical-align:bottom}
thead tr:first-child th{border-top:1px solid var(--line)}
th.num,td.num{text-align:right;white-space:nowrap}
th.ctr,td.ctr{text-align:center}
tbody th{font-weight:600}
tbody tr:hover{background:#fafbfc}
tfoot th,tfoot td{border-top:2px solid #c5ced6;font-weight:700;background:var(--soft)}
.v{display:block;font-weight:600;color:var(--ink)}
.sp{display:block;font-size:.74rem;color:var(--muted);line-height:1.35}
.sp.unstable{color:#7a5200;font-weight:700}
.steps td,.steps th{padding:8px 6px}
.steps td:first-child,.steps th:first-child{padding-left:12px}
.steps td:last-child,.steps th:last-child{padding-right:12px}
.step-cell{display:flex;gap:10px;min-width:190px;max-width:250px}
.step-cell .txt{min-width:0}
.step-name{display:block;font-weight:650;color:var(--ink);overflow-wrap:anywhere}
.step-idx{color:var(--muted);font-weight:600;margin-right:4px}
.tags{display:flex;flex-wrap:wrap;gap:4px;margin-top:4px}
.tag{display:inline-block;font-size:.7rem;font-weight:700;padding:1px 7px;border-radius:999px;background:#eceff2;color:var(--ink2);white-space:nowrap}
.tag-critical{background:#e3f1ea;color:var(--accent-ink)}
.tag-passed{background:var(--ok-bg);color:var(--ok-ink)}
.tag-failed{background:#fbd9d6;color:var(--err-ink)}
.tag-skipped{background:#eceff2;color:var(--muted)}
.shot{flex:none;display:block;width:44px;height:66px;border:1px solid var(--line);border-radius:6px;overflow:hidden;background:var(--soft)}
.shot img{display:block;width:100%;height:100%;object-fit:cover;object-position:top}
.shot:hover{border-color:var(--accent)}
.no-shot{flex:none;width:44px;height:66px;border:1px dashed var(--line);border-radius:6px;font-size:.6rem;color:var(--muted);display:flex;align-items:center;justify-content:center;text-align:center;padding:2px}
tr.failed{background:#fff6f5}
tr.failed > th{box-shadow:inset 4px 0 0 #c5221f}
tr.skipped{color:var(--muted)}
.pill{display:inline-block;min-width:2.5em;text-align:center;padding:2px 7px;border-radius:6px;font-weight:750}
.pill-sm{min-width:2.1em;padding:0 4px;font-weight:700;font-size:.74rem;border-radius:4px}
.subs-line{display:flex;gap:6px;justify-content:center;margin-top:5px;white-space:nowrap}
.subs-item{font-size:.7rem;color:var(--muted);display:inline-flex;align-items:center;gap:2px}
.subs-item abbr{text-decoration:none}
.subs-item .muted{min-width:2.1em;text-align:center}
.gr{display:inline-block;min-width:1.6em;text-align:center;padding:1px 5px;border-radius:5px;font-weight:750;font-size:.78rem;margin-left:4px}
.muted{color:var(--muted)}
#constrained td.bad,#constrained p.bad{color:var(--err-ink)}
#constrained tr.slowest th{font-weight:700}
.unit{text-transform:none;letter-spacing:0;font-weight:600;color:var(--muted)}
.fp-journey tbody th,.fp-journey tfoot th{white-space:nowrap}
.fp-steps tbody th{min-width:140px}
.share-bar{display:inline-block;vertical-align:middle;height:6px;border-radius:3px;background:#8a98a5;margin-right:6px}
.fp-grid{display:grid;grid-template-columns:minmax(0,1.2fr) minmax(0,1fr);gap:18px;align-items:start}
.sub-h{margin:22px 0 10px}
.rec-steps{display:grid;gap:16px}
.rec-step h3{margin:0 0 8px}
.rec-metrics,.rec-total{margin:0 0 10px;font-size:.92rem}
.rec-total{font-weight:600}
.rec-table th[scope=row]{font-weight:500;min-width:16em}
.rec-table .audit-id{display:block;font-size:.75rem;color:var(--muted)}
.rec-items{margin:0;padding-left:1.1em}
.rec-items .url{font-family:var(--mono);font-size:.8rem;word-break:break-all}
.usage{margin:10px 0 0;font-size:.88rem;color:var(--ink2)}
.usage.hint{color:var(--muted)}

/* Environment */
.env-grid{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px}
.env-grid .card{padding:16px 18px}
.env-grid .wide{grid-column:span 2}
dl.kv{margin:8px 0 0;display:grid;grid-template-columns:fit-content(46%) minmax(0,1fr);gap:4px 14px;font-size:.86rem}
dl.kv dt{color:var(--muted)}
.method-text{margin:10px 0 0;font-size:.8rem}
.source-text{margin:8px 0 0;color:var(--ink2)}
dl.kv dd{margin:0;overflow-wrap:anywhere}
.method p{margin:0 0 10px;max-width:80ch}
footer.site-foot{border-top:1px solid var(--line);margin-top:40px;padding:18px 0 28px;color:var(--muted);font-size:.84rem}
footer.site-foot p{margin:2px 0}

/* Screenshot dialog */
dialog.shot-dialog{border:0;border-radius:12px;padding:0;max-width:min(92vw,720px);max-height:92vh;box-shadow:0 20px 60px rgba(0,0,0,.35)}
dialog.shot-dialog::backdrop{background:rgba(10,20,16,.6)}
.dlg-head{display:flex;justify-content:space-between;align-items:center;gap:12px;padding:10px 14px;border-bottom:1px solid var(--line);position:sticky;top:0;background:#fff}
.dlg-head p{margin:0;font-weight:600;font-size:.9rem}
.dlg-head button{font:inherit;font-weight:600;border:1px solid var(--line);background:var(--soft);border-radius:8px;padding:4px 12px;cursor:pointer}
dialog.shot-dialog img{display:block;max-width:100%;height:auto;margin:0 auto}

${gradeRules}

@media screen and (max-width:900px){
 .sc-body{grid-template-columns:1fr}.sc-score{border-right:0;border-bottom:1px solid var(--line)}
 .charts,.fp-grid{grid-template-columns:1fr}.env-grid{grid-template-columns:1fr}.env-grid .wide{grid-column:auto}
 .sc-facts{grid-template-columns:1fr 1fr}.site nav{display:none}
}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}

@media print{
 @page{size:A4 portrait;margin:12mm}
 @page wide{size:A4 landscape;margin:10mm}
 html{font-size:10pt}
 body{background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .wrap{max-width:none;padding:0}
 .site{background:none;color:var(--ink);padding:0 0 6mm}
 .topbar{border:0;min-height:0;padding-bottom:2mm}
 .site nav,.lang-toggle,.skip,dialog{display:none!important}
 .page-title{padding-top:0}
 .page-title .eyebrow{color:var(--accent)}
 .page-title .lede{color:var(--muted)}
 main{margin-top:0}
 #summary{box-shadow:none;max-width:none;break-inside:avoid;page-break-inside:avoid}
 .section{margin-top:8mm}
 h2,h3{break-after:avoid;page-break-after:avoid}
 .card,.alert,.chart-card,tr,.fp-tile,.env-grid .card{break-inside:avoid;page-break-inside:avoid}
 .charts{display:block}
 .chart-card{margin:0 0 5mm}
 .chart-box canvas{max-width:100%}
 .table-wrap{overflow:visible;box-shadow:none}
 .wide-print{page:wide}
 .steps{font-size:7.4pt}
 .steps td,.steps th{padding:4px 5px}
 .step-cell{min-width:0;max-width:none}
 .shot,.no-shot{width:28px;height:42px}
 .fp-table{font-size:7.6pt}
 .fp-grid{grid-template-columns:1fr}
 a{color:inherit;text-decoration:none}
 tbody tr:hover{background:none}
}
`;
