"""Search benchmark: Pagefind (what the site uses) against Material's lunr search, measured in a
real browser, on the shipped register and on a synthetic register of many documents.

    .venv/bin/python benchmarks/bench_search.py                  # real register + 10,000 documents
    .venv/bin/python benchmarks/bench_search.py --docs 2000 --no-lunr

For each site it builds the register twice with `register build` (the shipped mkdocs.yml, whose
search is Pagefind, and the same with Material's `search` plugin, i.e. lunr), then drives
Debian's Chromium (Playwright, /usr/bin/chromium) on the site served from 127.0.0.1: it opens a
page with a cold cache, types each query into the header's search box as a reader would, waits
for the results, and counts the results and the bytes the search fetched (Pagefind: everything
under /pagefind/; lunr: search_index.json and the search worker), from page load on.

"lunr + folding" is lunr given folded text: the lunr site's search_index.json with every title
and text folded (generator.text.fold) and the query typed folded. That is what a folding
pipeline would index; it downloads the same search_index.json, which is what it costs.

The synthetic register is written from the shipped records' vocabulary: agencies, people and
sentences of real Vietnamese administrative text, numbers in the usual forms, tasks with
deadlines, transfers and citations, so pages look like the real ones at scale. Results are
printed; README.md ("Search") keeps the numbers of the last run.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.cli import main as register_main  # noqa: E402
from generator.text import fold, slugify  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AS_OF = "2026-11-22"
WORDS = ["truc lien thong", "duc dam", "chuyen giao nhiem vu"]
REAL_NUMBERS = ["139 TB VPCP", "tb-vpcp 139", "1072/QD-TTg"]
TYPICAL = "truc lien thong"


def number_queries(number: str) -> list[str]:
    """A number as readers type it: "139/TB-VPCP" → "139 TB VPCP", "tb-vpcp 139"."""
    serial, _, rest = number.partition("/")
    kind, _, issuer = rest.partition("-")
    return [f"{serial} {kind} {issuer}", f"{kind}-{issuer} {serial}".lower()]

# --- building ----------------------------------------------------------------------------------


def copy_register(source: Path, target: Path, decisions: bool = True) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "theme_overrides", "mkdocs.yml") + (("decisions",) if decisions else ()):
        src = source / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        else:
            shutil.copy2(src, target / name)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    lunr = re.sub(r"^plugins:\n", "plugins:\n  - search\n", config, count=1, flags=re.M)
    assert lunr != config, "mkdocs.yml has no plugins list"
    (target / "mkdocs-lunr.yml").write_text(lunr, encoding="utf-8")
    return target


def build(root: Path, config: str, site: Path) -> float:
    start = time.perf_counter()
    code = register_main(["--root", str(root), "build", "-f", config, "--as-of", AS_OF,
                          "--site-dir", str(site)])
    if code != 0:
        raise SystemExit(f"build of {root} ({config}) failed")
    return time.perf_counter() - start


def fold_lunr_index(site: Path) -> None:
    """lunr + folding: the index lunr builds from folded text (see the module's docstring)."""
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["title"] = fold(doc["title"])
        doc["text"] = fold(doc["text"])
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def dir_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


# --- the synthetic register -------------------------------------------------------------------

MINISTRIES = [
    ("bo-cong-thuong", "Bộ Công Thương", "BCT"), ("bo-tai-chinh", "Bộ Tài chính", "BTC"),
    ("bo-y-te", "Bộ Y tế", "BYT"), ("bo-gddt", "Bộ Giáo dục và Đào tạo", "BGDĐT"),
    ("bo-noi-vu", "Bộ Nội vụ", "BNV"), ("bo-tu-phap", "Bộ Tư pháp", "BTP"),
    ("bo-xay-dung", "Bộ Xây dựng", "BXD"), ("bo-gtvt", "Bộ Giao thông vận tải", "BGTVT"),
    ("bo-nnptnt", "Bộ Nông nghiệp và Phát triển nông thôn", "BNNPTNT"),
    ("bo-tnmt", "Bộ Tài nguyên và Môi trường", "BTNMT"),
    ("bo-ldtbxh", "Bộ Lao động - Thương binh và Xã hội", "BLĐTBXH"),
    ("bo-vhttdl", "Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL"),
    ("bo-khcn", "Bộ Khoa học và Công nghệ", "BKHCN"), ("bo-khdt", "Bộ Kế hoạch và Đầu tư", "BKHĐT"),
    ("bo-ngoai-giao", "Bộ Ngoại giao", "BNG"), ("bo-cong-an", "Bộ Công an", "BCA"),
    ("ngan-hang-nha-nuoc", "Ngân hàng Nhà nước Việt Nam", "NHNN"),
    ("thanh-tra-chinh-phu", "Thanh tra Chính phủ", "TTCP"), ("uy-ban-dan-toc", "Ủy ban Dân tộc", "UBDT"),
    ("bhxh-viet-nam", "Bảo hiểm xã hội Việt Nam", "BHXH"),
]
PROVINCES = ["Hà Giang", "Cao Bằng", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái",
             "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang", "Phú Thọ",
             "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định",
             "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị",
             "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Đắk Lắk",
             "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai",
             "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang",
             "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Ngọc", "Hồng"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam",
         "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Yến", "Hà", "Đông"]
SUBJECTS = ["xây dựng Chính phủ điện tử", "kết nối Trục liên thông văn bản quốc gia",
            "Cổng Dịch vụ công quốc gia", "cơ sở dữ liệu quốc gia về dân cư",
            "chuyển đổi số trong cơ quan nhà nước", "cải cách thủ tục hành chính",
            "hệ thống thông tin báo cáo quốc gia", "bảo đảm an toàn thông tin mạng",
            "chia sẻ dữ liệu giữa các bộ, ngành, địa phương", "chữ ký số chuyên dùng",
            "thanh toán trực tuyến dịch vụ công", "hệ thống quản lý văn bản và điều hành",
            "đào tạo cán bộ công nghệ thông tin", "hạ tầng số và điện toán đám mây",
            "chính quyền điện tử cấp tỉnh", "đô thị thông minh", "giao dịch điện tử"]
SENTENCES = [
    "Giao {a} chủ trì, phối hợp với {b} {s}, báo cáo Thủ tướng Chính phủ trong {p}.",
    "{a} khẩn trương hoàn thiện dự thảo về {s}, trình cấp có thẩm quyền xem xét, quyết định.",
    "Các bộ, ngành, địa phương tiếp tục đẩy mạnh {s}, bảo đảm đúng tiến độ đã đề ra.",
    "Chuyển giao nhiệm vụ {s} từ {a} sang {b} để thống nhất đầu mối theo dõi, đôn đốc.",
    "Biểu dương, đánh giá cao nỗ lực của {a} trong triển khai {s} thời gian qua.",
    "Tuy nhiên, việc {s} còn chậm, chưa đáp ứng yêu cầu; một số nhiệm vụ quá hạn chưa hoàn thành.",
    "Đề nghị {a} rà soát, đánh giá kết quả thực hiện {s} và đề xuất giải pháp trong {p}.",
    "{a} là cơ quan thường trực, chịu trách nhiệm điều phối, tổng hợp tình hình {s}.",
    "Thực hiện ý kiến chỉ đạo của Phó Thủ tướng {person}, {a} đã tổ chức họp với {b} về {s}.",
    "Tổ công tác giúp việc phối hợp với {b} xây dựng kế hoạch {s} giai đoạn tiếp theo.",
]
TYPES = [("thong-bao", "TB", 50), ("quyet-dinh", "QĐ", 25), ("ke-hoach", "KH", 8),
         ("chi-thi", "CT", 5), ("nghi-quyet", "NQ", 7), ("bao-cao", "BC", 5)]
TYPE_NAMES = {"thong-bao": "Thông báo", "quyet-dinh": "Quyết định", "ke-hoach": "Kế hoạch",
              "chi-thi": "Chỉ thị", "nghi-quyet": "Nghị quyết", "bao-cao": "Báo cáo"}


def write_synthetic(root: Path, n_docs: int, seed: int = 20200403) -> str:
    """A register of `n_docs` documents in root/decisions (invented records, for measuring);
    returns the number of one of them, for the number queries."""
    rnd = random.Random(seed)
    decisions = root / "decisions"
    shutil.rmtree(decisions, ignore_errors=True)
    decisions.mkdir(parents=True)
    agencies = [(ident, name, abbr) for ident, name, abbr in MINISTRIES]
    agencies += [(f"ubnd-{slugify(p)}", f"Ủy ban nhân dân tỉnh {p}", "UBND") for p in PROVINCES]
    issuers = [a for a in agencies if a[2] != "UBND"]
    lines = ["# Synthetic register for benchmarks/bench_search.py: invented records.\n"]
    for ident, name, abbr in agencies:
        lines.append(f"{ident}:\n  name: {json.dumps(name, ensure_ascii=False)}\n")
        if abbr != "UBND":
            lines.append(f"  abbr: {json.dumps(abbr, ensure_ascii=False)}\n")
        lines.append("  posts:\n    lanh-dao: Người đứng đầu\n")
    (decisions / "agencies.yml").write_text("".join(lines), encoding="utf-8")
    people = {"vu-duc-dam": "Vũ Đức Đam", "nguyen-xuan-phuc": "Nguyễn Xuân Phúc",
              "mai-tien-dung": "Mai Tiến Dũng"}
    while len(people) < 300:
        name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        people.setdefault(slugify(name), name)
    (decisions / "people.yml").write_text(
        "".join(f"{i}:\n  name: {n}\n" for i, n in people.items()), encoding="utf-8")
    (decisions / "bodies.yml").write_text("{}\n", encoding="utf-8")
    person_ids = list(people)
    weights = [w for _, _, w in TYPES]
    serials: dict[tuple[int, str, str], int] = {}
    written: list[tuple[str, str, str]] = []  # (number, issued, type name)
    tasks: list[list] = []                    # [task id, holder agency id, date of its last step]
    first, days = date(2010, 1, 1), (date(2025, 12, 31) - date(2010, 1, 1)).days
    for i in range(n_docs):
        when = first + timedelta(days=i * days // n_docs)   # in order, so histories hold
        year = when.year
        type_id, type_abbr, _ = rnd.choices(TYPES, weights)[0]
        issuer, issuer_name, issuer_abbr = rnd.choice(issuers)
        key = (year, type_abbr, issuer_abbr)
        serials[key] = serials.get(key, 0) + rnd.randint(1, 40)
        number = f"{serials[key]}/{type_abbr}-{issuer_abbr}"
        issued = when.isoformat()
        subject = rnd.choice(SUBJECTS)
        a, b = rnd.sample(agencies, 2)
        paragraphs, actions = [], []
        for k in range(1, rnd.randint(4, 9)):
            words = {"a": a[1], "b": b[1], "s": rnd.choice(SUBJECTS), "person": people[rnd.choice(person_ids)],
                     "p": rnd.choice(["Quý I", "Quý II", "tháng 6", "tháng 12"]) + f" năm {year + 1}"}
            text = " ".join(rnd.choice(SENTENCES).format(**words) for _ in range(rnd.randint(2, 5)))
            if written and rnd.random() < 0.3:
                cited_number, cited_issued, cited_type = rnd.choice(written[-500:])
                y, m, d = cited_issued.split("-")
                text += f" Thực hiện {cited_type} số {cited_number} ngày {int(d)}/{int(m)}/{y}."
            paragraphs.append(f"{k}\\. {text} {{#d-{k}}}")
        task_id = f"nv-{i}"
        earlier = [t for t in tasks[-300:] if t[2] < when]   # steps in date order only
        if earlier and rnd.random() < 0.2:
            moved = rnd.choice(earlier)
            to = rnd.choice([x for x in agencies if x[0] != moved[1]])[0]
            actions.append(f'  - para: "2"\n    transfer: {{task: {moved[0]}, from: {moved[1]}, to: {to}}}\n')
            moved[1:] = [to, when]
        if earlier and rnd.random() < 0.15:
            done = rnd.choice(earlier)
            actions.append(f'  - para: "3"\n    report: {{task: {done[0]}, status: done, date: "{issued}", '
                           f'text: "Đã hoàn thành"}}\n')
            done[2] = when
        if rnd.random() < 0.6:
            due = f"{year + 1}-{rnd.choice(['Q1', 'Q2', '06', '12'])}"
            actions.append(f'  - para: "1"\n    assign: {{task: {{id: {task_id}, title: "{_cap(subject)} ({number})"}}, '
                           f"lead: {a[0]}, with: [{b[0]}], due: \"{due}\"}}\n")
            tasks.append([task_id, a[0], when])
        signer = rnd.choice(person_ids)
        front = (f"---\nnumber: {number}\ntype: {type_id}\n"
                 f"title: \"{TYPE_NAMES[type_id]} về {subject} của {issuer_name}\"\n"
                 f"issuer: {issuer}\nissued: \"{issued}\"\n"
                 f"signer: {{person: {signer}, as: Bộ trưởng}}\n"
                 f"sources:\n  - {{kind: official, title: Cổng Thông tin điện tử Chính phủ}}\n")
        if actions:
            front += "actions:\n" + "".join(actions)
        folder = decisions / str(year)
        folder.mkdir(exist_ok=True)
        slug = slugify(number)
        (folder / f"{slug}.md").write_text(front + "---\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        written.append((number, issued, TYPE_NAMES[type_id]))
    return written[len(written) // 2][0]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# --- measuring in the browser ------------------------------------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def measure(browser, base: str, kind: str, query: str) -> dict:
    """One query on a fresh page (cold cache): results, search bytes fetched, time to results."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(300_000)
    page = context.new_page()
    fetched: dict[str, int] = {}

    def done(request):
        url = request.url
        if "/pagefind/" in url or "search_index.json" in url or "/workers/search" in url:
            sizes = request.sizes()
            fetched[url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]

    page.on("requestfinished", done)
    page.goto(base + "van-ban/", wait_until="load")
    box = page.locator(".md-search__input").first
    started = time.perf_counter()
    box.click()
    box.press_sequentially(query, delay=15)
    meta = page.locator(".md-search-result__meta").first
    if kind == "pagefind":   # the register's box says when the results shown are this query's
        page.wait_for_selector(f"[data-search-state=done][data-searched={json.dumps(query)}]")
    else:                    # Material's: the count replaces "Initializing search"
        loading = ("Initializing", "Nhập", "Type")
        deadline = time.time() + 300
        while time.time() < deadline and (not meta.inner_text() or meta.inner_text().startswith(loading)):
            page.wait_for_timeout(50)
    elapsed = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    items = page.locator(".md-search-result__item")
    titles = [t.inner_text() for t in items.locator("h1, h2").all()[:3]]
    result = {"kind": kind, "query": query, "meta": meta.inner_text(), "shown": items.count(),
              "first": titles[:1], "bytes": sum(fetched.values()), "requests": len(fetched),
              "seconds": elapsed}
    context.close()
    return result


def run_browser(sites: list[tuple[str, str, Path, list[str]]]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, kind, site, queries in sites:
            server, base = serve(site)
            try:
                for query in queries:
                    typed = fold(query) if kind == "lunr + folding" else query
                    row = measure(browser, base, kind, typed)
                    row["site"] = label
                    rows.append(row)
                    print(f"  {label:<22} {kind:<15} {query!r:<26} {row['meta']!r:<28} "
                          f"{row['bytes'] / 1024:9.1f} KB {row['requests']:3d} req "
                          f"{row['seconds']:6.2f} s  {row['first']}", flush=True)
            finally:
                server.shutdown()
        browser.close()
    return rows


def report_sizes(label: str, pagefind_site: Path, lunr_site: Path | None, docs: int) -> None:
    bundle = pagefind_site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    pages = sum(lang["page_count"] for lang in entry["languages"].values())
    parts = {name: sum(p.stat().st_size for p in (bundle / name).glob("*"))
             for name in ("index", "fragment", "filter")}
    parts["meta"] = sum(p.stat().st_size for p in bundle.glob("*.pf_meta"))
    total = sum(parts.values())
    print(f"{label}: {docs} documents, {pages} pages indexed")
    print(f"  pagefind: {total / 1024:.0f} KB = {total / docs / 1024:.2f} KB per document "
          f"({total / pages / 1024:.2f} KB per page): "
          + ", ".join(f"{name} {size / 1024:.0f} KB" for name, size in parts.items()))
    if lunr_site is not None:
        raw = (lunr_site / "search" / "search_index.json").read_bytes()
        packed = len(gzip.compress(raw))
        print(f"  lunr: search_index.json {len(raw) / 1024:.0f} KB = {len(raw) / docs / 1024:.2f} KB per "
              f"document ({packed / 1024:.0f} KB gzipped, {packed / docs / 1024:.2f} KB per document), "
              f"all fetched before the first result")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the synthetic register")
    parser.add_argument("--no-real", action="store_true", help="skip the shipped register")
    parser.add_argument("--no-lunr", action="store_true", help="measure Pagefind only")
    parser.add_argument("--no-browser", action="store_true", help="sizes only")
    parser.add_argument("--work", type=Path, help="keep the registers and sites here")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    sites: list[tuple[str, str, Path]] = []
    registers = []
    if not args.no_real:
        registers.append(("real register", copy_register(ROOT, work / "real"), None, REAL_NUMBERS))
    if args.docs:
        root = copy_register(ROOT, work / "synthetic", decisions=False)
        start = time.perf_counter()
        number = write_synthetic(root, args.docs)
        print(f"wrote {args.docs} synthetic documents in {time.perf_counter() - start:.1f} s", flush=True)
        registers.append((f"synthetic {args.docs}", root, args.docs, number_queries(number)))
    for label, root, docs, numbers in registers:
        queries = WORDS + numbers
        pf_site, lunr_site = root / "site-pagefind", root / "site-lunr"
        print(f"building {label} (Pagefind): {build(root, 'mkdocs.yml', pf_site):.1f} s", flush=True)
        if not args.no_lunr:
            print(f"building {label} (lunr): {build(root, 'mkdocs-lunr.yml', lunr_site):.1f} s", flush=True)
        docs = docs or sum(1 for _ in (root / "decisions").glob("*/*.md"))
        report_sizes(label, pf_site, None if args.no_lunr else lunr_site, docs)
        sites.append((label, "pagefind", pf_site, queries))
        if not args.no_lunr:
            # lunr builds its whole index in the browser before any result: at scale, one query
            lunr_queries = queries if docs < 2000 else [TYPICAL]
            sites.append((label, "lunr", lunr_site, lunr_queries))
            folded = root / "site-lunr-folded"
            shutil.rmtree(folded, ignore_errors=True)
            shutil.copytree(lunr_site, folded)
            fold_lunr_index(folded)
            sites.append((label, "lunr + folding", folded, lunr_queries))
    if not args.no_browser:
        print("browser (Chromium, cold cache): results, search bytes fetched, seconds from the first keystroke")
        run_browser(sites)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
