"""A synthetic register of N documents, deterministic for a seed: for measuring scale.

    .venv/bin/python benchmarks/synthetic.py OUT --docs 10000 [--seed 8] [--commits 2000]

writes OUT/decisions/ (agencies.yml, people.yml, bodies.yml, <year>/<file>.md), copies the
site's mkdocs.yml, content/ and theme_overrides/ next to it so that `register --root OUT build`
works, and with --commits M makes OUT a git repository whose history of M commits adds the
records in the order they were issued (one `git fast-import` stream, not a commit per call).

The records are invented but shaped like the real ones (content/dinh-dang-ban-ghi.md): notices
of conclusions, decisions, resolutions, decrees, circulars, plans and reports of the Prime
Minister, the Government, its Office (VPCP) and the ministries, in Vietnamese with diacritics,
2–4 KB each. They hold everything the register traces:

- tasks assigned with a lead, co-operating agencies and a due period (a day, a month, a quarter
  or a year, with the phrase of the source), transferred along chains — always from the agency
  that holds the task at that moment, never twice on one day — and reported on;
- bodies (the National Committee, its working group, a steering committee per ministry) set up
  by a decision, their posts filled and vacated by appointments and relieves — never two holders
  of a single-holder post at once —, observed holders, standing roles designated and moved;
- amendments, replacements and repeals of earlier documents; requests to draft or amend a
  document, with a due period, fulfilled later by the document that does it; changes directed
  by a request (an appointment pending the amending decision) enacted when it is fulfilled;
- citations in the text ("Quyết định số 1072/QĐ-TTg ngày 28/8/2018"), of documents in the
  register and of documents it does not hold (party resolutions, older decrees).

The generator keeps the state the checks replay (who holds each task and post on each day), in
the order the checks replay it — by issue date, then document reference — so that the result
passes `register check` at any N. tests/test_synthetic.py proves it at small N.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.core.text import fold, slugify

SITE_FILES = ("mkdocs.yml", "content", "theme_overrides")
START, END = date(2008, 1, 1), date(2025, 12, 31)
AS_OF = "2026-01-01"   # the date builds judge deadlines as of, so that runs compare

# --- the named things --------------------------------------------------------------------------

# id, name, short, abbreviation in numbers, aliases
MINISTRIES = [
    ("bo-tttt", "Bộ Thông tin và Truyền thông", "Bộ TT&TT", "BTTTT", ["Bộ TT-TT", "Bộ Thông tin - Truyền thông"]),
    ("bo-cong-an", "Bộ Công an", "BCA", "BCA", []),
    ("bo-tai-chinh", "Bộ Tài chính", "BTC", "BTC", []),
    ("bo-khdt", "Bộ Kế hoạch và Đầu tư", "Bộ KH&ĐT", "BKHĐT", ["Bộ Kế hoạch - Đầu tư"]),
    ("bo-noi-vu", "Bộ Nội vụ", "BNV", "BNV", []),
    ("bo-tu-phap", "Bộ Tư pháp", "BTP", "BTP", []),
    ("bo-cong-thuong", "Bộ Công Thương", "BCT", "BCT", []),
    ("bo-y-te", "Bộ Y tế", "BYT", "BYT", []),
    ("bo-gddt", "Bộ Giáo dục và Đào tạo", "Bộ GD&ĐT", "BGDĐT", []),
    ("bo-khcn", "Bộ Khoa học và Công nghệ", "Bộ KH&CN", "BKHCN", []),
    ("bo-tnmt", "Bộ Tài nguyên và Môi trường", "Bộ TN&MT", "BTNMT", []),
    ("bo-gtvt", "Bộ Giao thông vận tải", "Bộ GTVT", "BGTVT", []),
    ("bo-xay-dung", "Bộ Xây dựng", "BXD", "BXD", []),
    ("bo-nnptnt", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ NN&PTNT", "BNNPTNT", []),
    ("bo-ldtbxh", "Bộ Lao động - Thương binh và Xã hội", "Bộ LĐ-TB&XH", "BLĐTBXH", []),
    ("bo-vhttdl", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ VH,TT&DL", "BVHTTDL", []),
    ("bo-ngoai-giao", "Bộ Ngoại giao", "BNG", "BNG", []),
    ("bo-quoc-phong", "Bộ Quốc phòng", "BQP", "BQP", []),
    ("ngan-hang-nha-nuoc", "Ngân hàng Nhà nước Việt Nam", "NHNN", "NHNN", []),
    ("thanh-tra-chinh-phu", "Thanh tra Chính phủ", "TTCP", "TTCP", []),
]
VPCP_UNITS = [
    ("cuc-kstthc", "Cục Kiểm soát thủ tục hành chính", "Cục KSTTHC", ["KSTT"]),
    ("vu-tccb", "Vụ Tổ chức cán bộ", "Vụ TCCB", []),
    ("cong-ttdt-chinh-phu", "Cổng Thông tin điện tử Chính phủ", "Cổng TTĐT Chính phủ", []),
    ("cuc-hanh-chinh-quan-tri", "Cục Hành chính - Quản trị", "Cục HC-QT", []),
    ("vu-kinh-te-tong-hop", "Vụ Kinh tế tổng hợp", "Vụ KTTH", []),
    ("vu-khoa-giao-van-xa", "Vụ Khoa giáo - Văn xã", "Vụ KGVX", []),
]
PROVINCES = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Quảng Ninh", "Thanh Hóa",
             "Nghệ An", "Thừa Thiên Huế", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Bình Dương",
             "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An", "An Giang", "Kiên Giang", "Cà Mau",
             "Lào Cai", "Điện Biên", "Hà Giang", "Bắc Ninh", "Thái Nguyên", "Quảng Nam"]
CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Tô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Ngọc", "Hồng", "Tiến",
          "Hải", "Mạnh", "Thế", "Anh", "Kim", "Bảo", "Trọng"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc",
         "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Yến", "Hà", "Đông", "Đam",
         "Phan", "Thành", "Hiếu", "Khánh", "Linh", "Nga", "Oanh", "Phong", "Quyết", "Thủy", "Vinh"]

# what tasks and requests are about: (subject, short slug for ids)
SUBJECTS = [
    ("kết nối, liên thông Trục liên thông văn bản quốc gia", "truc-lien-thong"),
    ("tích hợp dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia", "cong-dvc"),
    ("xây dựng cơ sở dữ liệu quốc gia về dân cư", "csdl-dan-cu"),
    ("triển khai Hệ thống thông tin báo cáo quốc gia", "he-thong-bao-cao"),
    ("bảo đảm an toàn, an ninh mạng cho hệ thống thông tin", "an-toan-thong-tin"),
    ("chia sẻ dữ liệu giữa các bộ, ngành, địa phương", "chia-se-du-lieu"),
    ("triển khai chữ ký số chuyên dùng Chính phủ", "chu-ky-so"),
    ("thanh toán trực tuyến phí, lệ phí dịch vụ công", "thanh-toan-truc-tuyen"),
    ("nâng cấp hệ thống quản lý văn bản và điều hành", "quan-ly-van-ban"),
    ("đào tạo, bồi dưỡng cán bộ công nghệ thông tin", "dao-tao-cntt"),
    ("phát triển hạ tầng số và điện toán đám mây", "ha-tang-so"),
    ("xây dựng chính quyền điện tử cấp tỉnh", "chinh-quyen-dien-tu"),
    ("phát triển đô thị thông minh", "do-thi-thong-minh"),
    ("hoàn thiện Kiến trúc Chính phủ điện tử Việt Nam", "kien-truc-cpdt"),
    ("số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "so-hoa-ho-so"),
    ("định danh và xác thực điện tử", "dinh-danh-dien-tu"),
    ("triển khai Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ", "e-cabinet"),
    ("xây dựng nền tảng tích hợp, chia sẻ dữ liệu quốc gia", "ndxp"),
    ("cắt giảm, đơn giản hóa thủ tục hành chính", "cat-giam-tthc"),
    ("chuyển đổi số trong cơ quan nhà nước", "chuyen-doi-so"),
]
VERBS = ["Hoàn thành", "Triển khai", "Xây dựng kế hoạch", "Đẩy nhanh tiến độ", "Hướng dẫn",
         "Tổng kết, đánh giá", "Rà soát, hoàn thiện quy chế", "Bố trí kinh phí"]
SCOPES = ["tại các bộ, cơ quan ngang bộ", "ở cả 4 cấp chính quyền", "trong phạm vi toàn quốc",
          "tại {place}", "trong năm {year}", "giai đoạn {year}-{year2}", "theo lộ trình đã được phê duyệt"]
OPENINGS = [
    "Ngày {meeting}, tại trụ sở {issuer}, {leader} đã chủ trì cuộc họp về {subject}. Tham dự cuộc "
    "họp có lãnh đạo {a}, {b} và đại diện các cơ quan liên quan.",
    "Ngày {meeting}, {leader} đã chủ trì hội nghị trực tuyến với các bộ, ngành, địa phương về {subject}. "
    "Sau khi nghe {a} báo cáo và ý kiến của các đại biểu, {leader} kết luận như sau.",
]
ASSESSMENTS = [
    "Thời gian qua, {a} đã tích cực triển khai {subject}, đạt được một số kết quả quan trọng, "
    "được người dân và doanh nghiệp đánh giá cao.",
    "Tuy nhiên, việc {subject} còn chậm, chưa đồng bộ; một số nhiệm vụ quá hạn chưa hoàn thành, "
    "việc phối hợp giữa {a} và {b} có lúc chưa chặt chẽ.",
    "Biểu dương {a} đã chủ động phối hợp với {b} trong triển khai {subject}, bảo đảm đúng tiến độ "
    "đã đề ra.",
    "Các bộ, ngành, địa phương cần nhận thức đầy đủ vai trò của {subject} đối với cải cách hành "
    "chính, nâng cao hiệu quả chỉ đạo, điều hành của Chính phủ.",
    "Đến nay đã có {n} bộ, ngành và {m} địa phương hoàn thành {subject}, tỷ lệ hồ sơ được xử lý "
    "trực tuyến tăng {p}% so với cùng kỳ năm trước.",
    "Theo báo cáo của {a}, còn nhiều khó khăn về nguồn lực, hạ tầng và nhân lực công nghệ thông "
    "tin; {b} cần sớm có giải pháp tháo gỡ.",
]
CLOSINGS = [
    "{issuer} thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.",
    "Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành "
    "Quyết định này./.",
    "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan kịp thời báo cáo {issuer} để xem xét, "
    "giải quyết./.",
]
EXTERNAL_SUBJECTS = [
    "về chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
    "về một số nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử",
    "về tăng cường ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
    "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước",
    "về đẩy mạnh cải cách hành chính, hiện đại hóa nền hành chính nhà nước",
]
EDITORS = [("Nguyễn Thị Lan", "lan@example.org"), ("Trần Văn Hùng", "hung@example.org"),
           ("Lê Minh Tâm", "tam@example.org"), ("Phạm Thị Yến", "yen@example.org"),
           ("Đặng Quang Việt", "viet@example.org")]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
CAPACITIES = {
    "ttg": ["Thủ tướng", "KT. Thủ tướng — Phó Thủ tướng"],
    "chinh-phu": ["TM. Chính phủ — Thủ tướng"],
    "vpcp": ["Bộ trưởng, Chủ nhiệm", "KT. Bộ trưởng, Chủ nhiệm — Phó Chủ nhiệm",
             "TL. Bộ trưởng, Chủ nhiệm — Cục trưởng Cục Kiểm soát thủ tục hành chính"],
    "uy-ban-quoc-gia-cpdt": ["Chủ tịch", "KT. Chủ tịch — Phó Chủ tịch"],
    "bo": ["Bộ trưởng", "KT. Bộ trưởng — Thứ trưởng"],
}

# type id -> (name, abbreviation in numbers, year printed in the number, weight)
TYPES = {
    "thong-bao": ("Thông báo", "TB", False, 38),
    "quyet-dinh": ("Quyết định", "QĐ", False, 30),
    "ke-hoach": ("Kế hoạch", "KH", False, 8),
    "nghi-quyet": ("Nghị quyết", "NQ", False, 6),
    "chi-thi": ("Chỉ thị", "CT", False, 5),
    "bao-cao": ("Báo cáo", "BC", False, 6),
    "nghi-dinh": ("Nghị định", "NĐ", True, 3),
    "thong-tu": ("Thông tư", "TT", True, 4),
}
UBQG = "uy-ban-quoc-gia-cpdt"
TCT = "to-cong-tac-giup-viec"
OLD_COMMITTEE = "uy-ban-quoc-gia-ud-cntt"


# --- the state the checks replay ----------------------------------------------------------------

@dataclass
class Plan:
    """One document before its content: when, what, who issues it, its number and reference."""

    i: int
    issued: date
    type: str
    issuer: str
    number: str | None = None
    stem: str = ""
    unnumbered: bool = False

    @property
    def key(self) -> str:
        return f"{self.issued.year}/{self.stem}"


@dataclass
class TaskState:
    id: str
    title: str
    holder: str
    moved_on: date
    done: bool = False
    transfers: int = 0


@dataclass
class Request:
    ref: str               # <document>#<id>
    doc: Plan
    what: str              # draft | amend
    title: str | None
    target: Plan | None
    pending: list = field(default_factory=list)   # (body, post, person) appointed on its fulfilment


@dataclass
class Stats:
    documents: int = 0
    tasks: int = 0
    transfers: int = 0
    reports: int = 0
    appointments: int = 0
    relieves: int = 0
    designations: int = 0
    amendments: int = 0
    requests: int = 0
    fulfilled: int = 0
    citations: int = 0
    external: int = 0
    people: int = 0
    bytes: int = 0
    commits: int = 0

    def line(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in self.__dict__.items())


class World:
    def __init__(self, n_docs: int, seed: int):
        self.rnd = random.Random(seed)
        self.n = n_docs
        self.stats = Stats()
        self.agencies: dict[str, dict] = {}
        self.issuer_abbr: dict[str, str] = {}
        self._registries()
        self._people()
        self.tasks: dict[str, TaskState] = {}
        self.open_tasks: list[str] = []
        self.moved_tasks: list[str] = []
        self.task_counter = 0
        # posts: (owner id, post) -> list of person ids holding it now
        self.holders: dict[tuple[str, str], list[str]] = {}
        self.busy: set[str] = set()            # people holding some body post, or pending one
        self.roles: dict[tuple[str, str], str] = {}
        self.established: set[str] = set()
        self.requests: list[Request] = []      # open requests
        self.by_number: dict[str, list[Plan]] = {}
        self.written: list[Plan] = []
        self.titles: dict[str, str] = {}
        self.leaders: dict[str, str] = {}      # issuer -> signer person id
        self.external = self._external()

    # the registries ------------------------------------------------------------------------
    def _registries(self) -> None:
        ag = self.agencies
        ag["ttg"] = dict(name="Thủ tướng Chính phủ", short="TTg", abbr="TTg", aliases=["Thủ tướng"],
                         posts={"thu-tuong": "Thủ tướng Chính phủ"})
        ag["chinh-phu"] = dict(name="Chính phủ", short="CP", abbr="CP",
                               posts={"pho-thu-tuong": "Phó Thủ tướng Chính phủ"})
        ag["vpcp"] = dict(name="Văn phòng Chính phủ", short="VPCP", abbr="VPCP", aliases=["Văn phòng CP"],
                          posts={"bo-truong-chu-nhiem": "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
                                 "pho-chu-nhiem": "Phó Chủ nhiệm Văn phòng Chính phủ"})
        for ident, name, short, aliases in VPCP_UNITS:
            ag[ident] = dict(name=name, short=short, aliases=aliases, parent="vpcp")
        for ident, name, short, abbr, aliases in MINISTRIES:
            ag[ident] = dict(name=name, short=short, abbr=abbr, aliases=aliases,
                             posts={"bo-truong": f"Bộ trưởng {name.removeprefix('Bộ ')}"
                                    if name.startswith("Bộ ") else f"Thủ trưởng {name}",
                                    "thu-truong": f"Thứ trưởng {name.removeprefix('Bộ ')}"
                                    if name.startswith("Bộ ") else f"Phó Thủ trưởng {name}"})
        for province in PROVINCES:
            kind = "thành phố" if province in CITIES else "tỉnh"
            ident = f"ubnd-{slugify(province)}"
            ag[ident] = dict(name=f"Ủy ban nhân dân {kind} {province}", short=f"UBND {province}")
        ag["bo-nganh-dia-phuong"] = dict(name="Các Bộ, ngành, địa phương", short="Bộ, ngành, địa phương")
        for ident, data in ag.items():
            if data.get("abbr"):
                self.issuer_abbr[ident] = data["abbr"]
        self.ministries = [m[0] for m in MINISTRIES]
        self.leads = [*self.ministries, "vpcp", "cuc-kstthc", "vu-tccb", "cong-ttdt-chinh-phu",
                      *(f"ubnd-{slugify(p)}" for p in PROVINCES), "bo-nganh-dia-phuong"]
        self.bodies: dict[str, dict] = {
            OLD_COMMITTEE: dict(name="Ủy ban Quốc gia về ứng dụng công nghệ thông tin",
                                short="Ủy ban Quốc gia về ứng dụng CNTT", posts={}, roles={}),
            UBQG: dict(name="Ủy ban Quốc gia về Chính phủ điện tử", short="Ủy ban Quốc gia về CPĐT",
                       abbr="UBQGCPĐT", aliases=["UBQG về CPĐT", "Uỷ ban Quốc gia về Chính phủ điện tử"],
                       posts={"chu-tich": ("Chủ tịch", False), "pho-chu-tich": ("Phó Chủ tịch", True),
                              "uy-vien-thuong-truc": ("Ủy viên thường trực", False),
                              "tong-thu-ky": ("Tổng thư ký", False), "thanh-vien": ("Thành viên", True)},
                       roles={"co-quan-thuong-truc": "Cơ quan thường trực"}),
            TCT: dict(name="Tổ công tác giúp việc Ủy ban Quốc gia về Chính phủ điện tử",
                      short="Tổ công tác giúp việc Ủy ban", parent=UBQG,
                      posts={"to-truong": ("Tổ trưởng", False), "to-pho": ("Tổ phó", True),
                             "thanh-vien": ("Thành viên", True)},
                      roles={"co-quan-thuong-truc": "Cơ quan (đơn vị) thường trực"}),
        }
        for ident, name, short, *_ in MINISTRIES:
            self.bodies[f"bcd-cpdt-{ident}"] = dict(
                name=f"Ban Chỉ đạo xây dựng Chính phủ điện tử của {name}",
                short=f"Ban Chỉ đạo CPĐT {short}",
                posts={"truong-ban": ("Trưởng ban", False), "pho-truong-ban": ("Phó Trưởng ban", True),
                       "thanh-vien": ("Thành viên", True)}, roles={})
        self.issuer_abbr[UBQG] = self.bodies[UBQG]["abbr"]

    def _people(self) -> None:
        """A pool that grows with the register, as a real one does over the years."""
        count = max(40, self.n // 12)
        self.people: dict[str, str] = {}
        seen: dict[str, int] = {}
        while len(self.people) < count:
            name = f"{self.rnd.choice(FAMILY)} {self.rnd.choice(MIDDLE)} {self.rnd.choice(GIVEN)}"
            base = slugify(name)
            seen[base] = seen.get(base, 0) + 1
            ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
            self.people[ident] = name
        self.person_ids = list(self.people)
        self.stats.people = count

    def _external(self) -> list[tuple[str, str, date, str]]:
        """Documents the texts cite but the register does not hold: party resolutions and
        conclusions, and decrees and decisions from before the register starts.
        (number, type word, date, subject)."""
        out, used = [], set()
        for k in range(max(12, self.n // 25)):
            kind = self.rnd.random()
            year = self.rnd.randint(1998, START.year - 1)
            day = date(year, self.rnd.randint(1, 12), self.rnd.randint(1, 28))
            serial = self.rnd.randint(1, 250)
            if kind < 0.3:
                year = self.rnd.randint(2008, END.year)
                day = date(year, self.rnd.randint(1, 12), self.rnd.randint(1, 28))
                t = self.rnd.choice(["NQ", "KL", "CT"])
                number, word = f"{serial}-{t}/TW", {"NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị"}[t]
            elif kind < 0.65:
                number, word = f"{serial}/{year}/NĐ-CP", "Nghị định"
            else:
                number, word = f"{serial:02d}/QĐ-TTg", "Quyết định"
            if (number, year) in used:
                continue
            used.add((number, year))
            out.append((number, word, day, self.rnd.choice(EXTERNAL_SUBJECTS)))
        return out

    # helpers ---------------------------------------------------------------------------------
    def name(self, ident: str) -> str:
        if ident in self.agencies:
            return self.agencies[ident]["name"]
        return self.bodies[ident]["name"]

    def person(self) -> str:
        return self.rnd.choice(self.person_ids)

    def fresh_person(self) -> str | None:
        for _ in range(50):
            p = self.person()
            if p not in self.busy:
                return p
        return None

    def leader(self, issuer: str, day: date) -> str:
        """Who signs for the issuer: the same person for a while, then another."""
        current = self.leaders.get(issuer)
        if current is None or self.rnd.random() < 0.03:
            current = self.leaders[issuer] = self.person()
        return current


# --- writing YAML ------------------------------------------------------------------------------

def q(value: str) -> str:
    """A YAML scalar: JSON strings are YAML."""
    return json.dumps(value, ensure_ascii=False)


def vn_date(d: date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


def vn_date_long(d: date) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def write_registries(world: World, decisions: Path) -> None:
    lines = ["# Cơ quan (synthetic register, benchmarks/synthetic.py): invented records.\n"]
    for ident, a in world.agencies.items():
        lines.append(f"\n{ident}:\n  name: {q(a['name'])}\n")
        if a.get("short"):
            lines.append(f"  short: {q(a['short'])}\n")
        if a.get("abbr"):
            lines.append(f"  abbr: {q(a['abbr'])}\n")
        if a.get("aliases"):
            lines.append(f"  aliases: [{', '.join(q(x) for x in a['aliases'])}]\n")
        if a.get("parent"):
            lines.append(f"  parent: {a['parent']}\n")
        if a.get("posts"):
            lines.append("  posts:\n" + "".join(f"    {p}: {q(t)}\n" for p, t in a["posts"].items()))
    (decisions / "agencies.yml").write_text("".join(lines), encoding="utf-8")
    (decisions / "people.yml").write_text(
        "# Cá nhân (synthetic)\n" + "".join(f"\n{i}:\n  name: {q(n)}\n" for i, n in world.people.items()),
        encoding="utf-8")
    lines = ["# Ủy ban, ban chỉ đạo, tổ công tác (synthetic)\n"]
    for ident, b in world.bodies.items():
        lines.append(f"\n{ident}:\n  name: {q(b['name'])}\n  short: {q(b['short'])}\n")
        if b.get("abbr"):
            lines.append(f"  abbr: {q(b['abbr'])}\n")
        if b.get("aliases"):
            lines.append(f"  aliases: [{', '.join(q(x) for x in b['aliases'])}]\n")
        if b.get("parent"):
            lines.append(f"  parent: {b['parent']}\n")
        if b["posts"]:
            lines.append("  posts:\n")
            for post, (title, several) in b["posts"].items():
                lines.append(f"    {post}: {{title: {q(title)}" + (", several: true}\n" if several else "}\n"))
        if b["roles"]:
            lines.append("  roles:\n" + "".join(f"    {r}: {q(t)}\n" for r, t in b["roles"].items()))
    (decisions / "bodies.yml").write_text("".join(lines), encoding="utf-8")


# --- planning the documents ---------------------------------------------------------------------

def plan_documents(world: World) -> list[Plan]:
    rnd, n = world.rnd, world.n
    span = (END - START).days
    types = list(TYPES)
    weights = [TYPES[t][3] for t in types]
    plans = []
    for i in range(n):
        day = START + timedelta(days=rnd.randrange(span))
        doc_type = rnd.choices(types, weights)[0]
        plans.append(Plan(i, day, doc_type, _issuer(world, doc_type, day)))
    plans.sort(key=lambda p: (p.issued, p.i))
    serials: dict[tuple, int] = {}
    for p in plans:
        name, abbr, with_year, _ = TYPES[p.type]
        if p.type == "thong-bao" and p.issuer == "vpcp" and rnd.random() < 0.03:
            p.unnumbered = True   # a conclusion known from the press, its number not given
            p.stem = f"ket-luan-{slugify(world.name('ttg'))}-{p.issued:%Y%m%d}-{p.i}"
            continue
        key = (p.issued.year, abbr, p.issuer)
        serials[key] = serials.get(key, 0) + rnd.randint(1, 25)
        issuer_abbr = world.issuer_abbr[p.issuer]
        serial = serials[key]
        p.number = (f"{serial}/{p.issued.year}/{abbr}-{issuer_abbr}" if with_year
                    else f"{serial:02d}/{abbr}-{issuer_abbr}" if serial < 10 else f"{serial}/{abbr}-{issuer_abbr}")
        p.stem = slugify(p.number)
    plans.sort(key=lambda p: (p.issued, p.key))   # the order in which the checks replay them
    return plans


def _issuer(world: World, doc_type: str, day: date) -> str:
    rnd = world.rnd
    if doc_type in ("nghi-quyet", "nghi-dinh"):
        return "chinh-phu"
    if doc_type == "chi-thi":
        return "ttg"
    if doc_type == "thong-bao":
        return "vpcp" if rnd.random() < 0.75 else rnd.choice(world.ministries)
    if doc_type == "quyet-dinh":
        r = rnd.random()
        return "ttg" if r < 0.4 else UBQG if r < 0.5 and day.year >= 2018 else rnd.choice(world.ministries)
    if doc_type == "ke-hoach":
        return UBQG if rnd.random() < 0.2 and day.year >= 2018 else rnd.choice(world.ministries)
    if doc_type == "bao-cao":
        return "vpcp" if rnd.random() < 0.3 else rnd.choice(world.ministries)
    return rnd.choice(world.ministries)    # thong-tu


# --- one document -------------------------------------------------------------------------------

class Writer:
    """The content of one document: paragraphs with anchors, and the actions they carry."""

    def __init__(self, world: World, plan: Plan):
        self.w, self.p, self.rnd = world, plan, world.rnd
        self.paras: list[str] = []
        self.actions: list[str] = []
        self.front_cites: list[str] = []
        self.fulfills: list[str] = []
        self.request_ids = 0

    def para(self, text: str) -> str:
        pid = str(len(self.paras) + 1)
        self.paras.append(f"{pid}\\. {text} {{#d-{pid}}}")
        return pid

    def action(self, pid: str, body: str, extra: str = "") -> None:
        self.actions.append(f'  - para: "{pid}"\n{extra}    {body}\n')

    # citations -------------------------------------------------------------------------------
    def cite_register(self) -> str:
        """A sentence citing an earlier document of the register, with its date."""
        w = self.w
        pool = w.written[-400:] if self.rnd.random() < 0.7 else w.written
        target = self.rnd.choice(pool)
        w.stats.citations += 1
        label = TYPES[target.type][0]
        if target.number:
            return (f"{label} số {target.number} ngày {vn_date(target.issued)} của "
                    f"{w.name(target.issuer)} về {w.titles[target.key]}")
        return f"kết luận ngày {vn_date(target.issued)} của {w.name('ttg')}"

    def cite_external(self) -> str:
        number, word, day, subject = self.rnd.choice(self.w.external)
        self.w.stats.citations += 1
        self.w.stats.external += 1
        if self.rnd.random() < 0.3 and len(self.front_cites) < 2:
            self.front_cites.append(f"  - {{number: {q(number)}, date: \"{day.isoformat()}\", subject: {q(subject)}}}\n")
        return f"{word} số {number} ngày {vn_date(day)} {subject}"

    def target_ref(self, target: Plan) -> str:
        """How a record names an earlier document: its number as printed when that number
        resolves to it (the latest of that number before this one), else its reference."""
        own = fold(self.p.number) if self.p.number else None
        if target.number and fold(target.number) != own:   # else it would name this document
            same = self.w.by_number.get(fold(target.number), [])
            if same and same[-1] is target:
                return q(target.number)
        return target.key


def _subject(world: World) -> tuple[str, str]:
    return world.rnd.choice(SUBJECTS)


def _due(world: World, after: date) -> tuple[str, str]:
    """A due period after `after` as stored and as the source words it."""
    rnd = world.rnd
    day = after + timedelta(days=rnd.randint(20, 540))
    kind = rnd.choices(["day", "month", "quarter", "year"], [25, 35, 25, 15])[0]
    if kind == "day":
        return day.isoformat(), f"trước ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    if kind == "month":
        return f"{day.year}-{day.month:02d}", f"trong tháng {day.month} năm {day.year}"
    if kind == "quarter":
        quarter = (day.month - 1) // 3 + 1
        return f"{day.year}-Q{quarter}", f"trong Quý {ROMAN[quarter]} năm {day.year}"
    return str(day.year), f"trong năm {day.year}"


def _task_title(world: World, subject: str, day: date) -> str:
    rnd = world.rnd
    scope = rnd.choice(SCOPES).format(place=rnd.choice(PROVINCES), year=day.year + 1, year2=day.year + 3)
    return f"{rnd.choice(VERBS)} {subject} {scope}"


def write_document(world: World, plan: Plan) -> str:
    rnd, w = world.rnd, world
    doc = Writer(world, plan)
    day = plan.issued
    subject, subject_slug = _subject(world)
    tname = TYPES[plan.type][0]
    issuer_name = world.name(plan.issuer)
    meeting = None
    if plan.type == "thong-bao":
        meeting = day - timedelta(days=rnd.randint(2, 40))
        leader = rnd.choice(["Thủ tướng Chính phủ", "Phó Thủ tướng", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
                             "Bộ trưởng"]) + " " + w.people[w.leader("ttg" if plan.issuer == "vpcp" else plan.issuer, day)]
        title = f"Kết luận của {leader} tại cuộc họp về {subject} ngày {vn_date(meeting)}"
    elif plan.type == "bao-cao":
        title = f"Báo cáo tình hình {subject} năm {day.year}"
    elif plan.type == "ke-hoach":
        title = f"Kế hoạch {subject} giai đoạn {day.year}-{day.year + 2}"
    else:
        title = f"{tname} về {subject}"

    # requests fulfilled by this document (decisions, decrees, plans, circulars)
    fulfil: Request | None = None
    if plan.type in ("quyet-dinh", "nghi-dinh", "ke-hoach", "thong-tu") and w.requests and rnd.random() < 0.35:
        candidates = [r for r in w.requests[:40] if r.doc.issued < day
                      and (r.what == "amend") == (plan.type == "quyet-dinh" and plan.issuer == "ttg")]
        if candidates:
            fulfil = candidates[0]
            w.requests.remove(fulfil)
            if fulfil.what == "draft":
                title = fulfil.title
    if plan.unnumbered:
        title = f"Kết luận của Thủ tướng Chính phủ về {subject} (theo tin của Cổng Thông tin điện tử Chính phủ)"
    w.titles[plan.key] = subject

    # ¶ grounds: citations
    grounds = []
    for _ in range(rnd.randint(0, 2)):
        grounds.append(doc.cite_external())
    if w.written:
        for _ in range(rnd.choice([0, 1, 1, 2, 3])):
            grounds.append(doc.cite_register())
    if grounds:
        doc.para("Căn cứ " + "; căn cứ ".join(grounds) + ".")
    a, b = rnd.sample(w.leads, 2)
    words = dict(subject=subject, a=w.name(a), b=w.name(b), issuer=issuer_name,
                 n=rnd.randint(5, 22), m=rnd.randint(10, 63), p=rnd.randint(5, 60),
                 meeting=vn_date(meeting) if meeting else vn_date(day),
                 leader=("Thủ tướng Chính phủ" if plan.issuer == "vpcp" else f"lãnh đạo {issuer_name}"))
    if meeting:
        doc.para(rnd.choice(OPENINGS).format(**words))
    sentences = rnd.sample(ASSESSMENTS, len(ASSESSMENTS))
    for k in range(rnd.randint(2, 3)):
        doc.para(" ".join(s.format(**words) for s in sentences[2 * k:2 * k + 2]))

    # bodies: set up, posts filled, observed, roles
    _bodies(world, doc, plan)

    # tasks: assigned, transferred, reported
    n_tasks = {"thong-bao": rnd.choice([0, 1, 1, 2, 2, 3, 4]), "ke-hoach": rnd.randint(1, 3),
               "chi-thi": rnd.randint(1, 2), "quyet-dinh": rnd.choice([0, 0, 0, 1]),
               "nghi-quyet": rnd.choice([0, 1, 2])}.get(plan.type, 0)
    for _ in range(n_tasks):
        _assign(world, doc, plan, subject, subject_slug, meeting or day)
    if plan.type in ("thong-bao", "quyet-dinh", "chi-thi") and rnd.random() < 0.3:
        for _ in range(rnd.randint(1, 2)):
            _transfer(world, doc, plan)
    if plan.type in ("thong-bao", "bao-cao") and rnd.random() < 0.4:
        _report(world, doc, plan)
    if plan.type == "thong-bao" and w.open_tasks and rnd.random() < 0.1:
        task = w.tasks[rnd.choice(w.open_tasks[-200:])]
        other = rnd.choice([x for x in w.leads if x != task.holder])
        pid = doc.para(f"Bổ sung {w.name(other)} phối hợp thực hiện nhiệm vụ {task.title.lower()}.")
        doc.action(pid, f"assign: {{task: {task.id}, with: [{other}]}}")

    # changes to earlier documents
    if plan.type in ("quyet-dinh", "nghi-dinh", "thong-tu", "nghi-quyet") and w.written and rnd.random() < 0.15:
        same = [t for t in w.written[-600:] if t.issuer == plan.issuer and t.type == plan.type]
    else:
        same = []
    if same:
        target = rnd.choice(same)
        kind = rnd.choices(["amend", "replace", "repeal"], [70, 15, 15])[0]
        verb = {"amend": "Sửa đổi, bổ sung một số điều của", "replace": "Thay thế",
                "repeal": "Bãi bỏ"}[kind]
        pid = doc.para(f"{verb} {_cite_text(w, target)}.")
        what = {"amend": "Điều 2, Điều 3", "replace": "toàn văn", "repeal": "toàn văn"}[kind]
        doc.action(pid, f"{kind}: {{target: {doc.target_ref(target)}, what: {q(what)}}}")
        w.stats.amendments += 1
    if fulfil is not None:
        doc.fulfills.append(fulfil.ref)
        w.stats.fulfilled += 1
        if fulfil.what == "amend" and fulfil.target is not None:
            pid = doc.para(f"Sửa đổi, bổ sung {_cite_text(w, fulfil.target)} theo chỉ đạo tại "
                           f"{_cite_text(w, fulfil.doc)}.")
            doc.action(pid, f"amend: {{target: {doc.target_ref(fulfil.target)}, what: \"thành viên\"}}")
            w.stats.amendments += 1
            for body, post, person in fulfil.pending:   # the directed appointments take effect
                w.holders.setdefault((body, post), []).append(person)
        else:
            doc.para(f"Ban hành kèm theo {tname.lower()} này {title[:1].lower() + title[1:]}, "
                     f"thực hiện nhiệm vụ được giao tại {_cite_text(w, fulfil.doc)}.")

    # requests: documents to draft or amend
    if plan.type in ("thong-bao", "nghi-quyet", "chi-thi") and rnd.random() < 0.25:
        _request(world, doc, plan, subject, meeting or day)

    doc.para(rnd.choice(CLOSINGS).format(**words))

    # the front matter
    out = ["---\n"]
    if plan.number:
        out.append(f"number: {q(plan.number)}\n")
    out.append(f"type: {plan.type}\ntitle: {q(title)}\n")
    if plan.unnumbered:
        out.append("title_descriptive: true\n")
    out.append(f"issuer: {plan.issuer}\nissued: \"{day.isoformat()}\"\n")
    if meeting:
        out.append(f"meeting: \"{meeting.isoformat()}\"\n")
    if plan.unnumbered:
        out.append("sources:\n  - {kind: press, title: " + q(f"Thủ tướng kết luận về {subject}") +
                   f", author: {q(w.people[w.person()])}, date: \"{day.isoformat()}\"}}\n")
    else:
        signer = w.leader(plan.issuer, day)
        capacity = rnd.choice(CAPACITIES.get(plan.issuer, CAPACITIES["bo"]))
        out.append(f"signer: {{person: {signer}, as: {q(capacity)}}}\n")
        out.append("sources:\n  - {kind: official, title: \"Cổng Thông tin điện tử Chính phủ\", "
                   f"url: \"https://vanban.chinhphu.vn/?pageid=27160&docid={100000 + plan.i}\"}}\n")
        if rnd.random() < 0.1:
            out.append("  - {kind: press, title: " + q(f"{tname} {plan.number}: {subject}") +
                       f", author: {q(w.people[w.person()])}, date: \"{day.isoformat()}\"}}\n")
    if doc.front_cites:
        out.append("cites:\n" + "".join(doc.front_cites))
    if doc.fulfills:
        out.append("fulfills: [" + ", ".join(q(f) for f in doc.fulfills) + "]\n")
    if doc.actions:
        out.append("actions:\n" + "".join(doc.actions))
    out.append("---\n")
    out.append("\n\n".join(doc.paras) + "\n")
    w.written.append(plan)
    if plan.number:
        w.by_number.setdefault(fold(plan.number), []).append(plan)
    return "".join(out)


def _cite_text(w: World, target: Plan) -> str:
    if target.number:
        return f"{TYPES[target.type][0]} số {target.number} ngày {vn_date(target.issued)}"
    return f"kết luận ngày {vn_date(target.issued)} của Thủ tướng Chính phủ"


def _assign(w: World, doc: Writer, plan: Plan, subject: str, subject_slug: str, decided: date) -> None:
    rnd = w.rnd
    lead = rnd.choice(w.leads)
    co = [x for x in rnd.sample(w.leads, rnd.choice([0, 0, 1, 1, 2, 3])) if x != lead]
    w.task_counter += 1
    task_id = f"{subject_slug}-{plan.issued.year}-{w.task_counter}"
    title = _task_title(w, subject, plan.issued)
    text = f"Giao {w.name(lead)} chủ trì"
    if co:
        text += ", phối hợp với " + ", ".join(w.name(x) for x in co)
    text += f" {title[:1].lower() + title[1:]}"
    fields = [f"task: {{id: {task_id}, title: {q(title)}}}", f"lead: {lead}"]
    if co:
        fields.append(f"with: [{', '.join(co)}]")
    if rnd.random() < 0.75:
        due, phrase = _due(w, max(decided, plan.issued))
        fields += [f"due: \"{due}\"", f"due_phrase: {q(phrase)}"]
        text += f", hoàn thành {phrase}"
    pid = doc.para(text + ".")
    doc.action(pid, "assign: {" + ", ".join(fields) + "}")
    w.tasks[task_id] = TaskState(task_id, title, lead, plan.issued)
    w.open_tasks.append(task_id)
    w.stats.tasks += 1


def _transfer(w: World, doc: Writer, plan: Plan) -> None:
    rnd = w.rnd
    pool = w.moved_tasks[-200:] if w.moved_tasks and rnd.random() < 0.5 else w.open_tasks[-600:]
    candidates = [t for t in pool if w.tasks[t].moved_on < plan.issued and not w.tasks[t].done]
    if not candidates:
        return
    task = w.tasks[rnd.choice(candidates)]
    to = rnd.choice([x for x in w.leads if x != task.holder])
    pid = doc.para(f"Chuyển nhiệm vụ {task.title[:1].lower() + task.title[1:]} từ {w.name(task.holder)} "
                   f"sang {w.name(to)} kể từ ngày ký để thống nhất đầu mối theo dõi, đôn đốc.")
    doc.action(pid, f"transfer: {{task: {task.id}, from: {task.holder}, to: {to}}}")
    task.holder, task.moved_on = to, plan.issued
    task.transfers += 1
    if task.transfers == 1:
        w.moved_tasks.append(task.id)
    w.stats.transfers += 1


def _report(w: World, doc: Writer, plan: Plan) -> None:
    rnd = w.rnd
    candidates = [t for t in w.open_tasks[-400:] if w.tasks[t].moved_on <= plan.issued]
    if not candidates:
        return
    task = w.tasks[rnd.choice(candidates)]
    if rnd.random() < 0.6:
        pid = doc.para(f"{w.name(task.holder)} đã hoàn thành nhiệm vụ {task.title[:1].lower() + task.title[1:]}.")
        doc.action(pid, f"report: {{task: {task.id}, status: done, text: {q('Đã hoàn thành')}}}")
        task.done = True
        w.open_tasks.remove(task.id)
    else:
        pid = doc.para(f"Nhiệm vụ {task.title[:1].lower() + task.title[1:]} đang được {w.name(task.holder)} "
                       "triển khai, dự kiến hoàn thành đúng hạn.")
        doc.action(pid, f"report: {{task: {task.id}, status: in-progress, text: {q('Đang triển khai')}}}")
    w.stats.reports += 1


def _request(w: World, doc: Writer, plan: Plan, subject: str, decided: date) -> None:
    rnd = w.rnd
    doc.request_ids += 1
    rid = f"yc-{doc.request_ids}"
    lead = rnd.choice(w.ministries + ["vpcp"])
    due, phrase = _due(w, max(decided, plan.issued))
    amend = rnd.random() < 0.35 and plan.issued.year >= 2018 and UBQG in w.established
    ttg_decisions = [t for t in w.written[-800:] if t.issuer == "ttg" and t.type == "quyet-dinh" and t.number]
    if amend and ttg_decisions:
        target = rnd.choice(ttg_decisions)
        pid = doc.para(f"Giao {w.name(lead)} chủ trì, phối hợp với Văn phòng Chính phủ trình Thủ tướng "
                       f"Chính phủ sửa đổi {_cite_text(w, target)} {phrase}.")
        doc.action(pid, f"request: {{what: amend, target: {doc.target_ref(target)}, lead: {lead}, "
                        f"due: \"{due}\", due_phrase: {q(phrase)}}}", f"    id: {rid}\n")
        req = Request(f"{plan.key}#{rid}", plan, "amend", None, target)
        person = w.fresh_person()
        if person is not None:   # a member appointed once the amending decision is issued
            text = (f"Bổ sung ông (bà) {w.people[person]} làm thành viên "
                    f"{w.bodies[UBQG]['name']}.")
            pid = doc.para(text)
            doc.action(pid, f"appoint: {{body: {UBQG}, post: thanh-vien, holder: {{person: {person}}}}}",
                       f"    pending: {rid}\n")
            w.busy.add(person)
            req.pending.append((UBQG, "thanh-vien", person))
    else:
        kind = rnd.choice(["Nghị định", "Quyết định", "Kế hoạch", "Thông tư"])
        title = f"{kind} về {subject} giai đoạn {plan.issued.year + 1}-{plan.issued.year + 5}"
        pid = doc.para(f"Giao {w.name(lead)} chủ trì xây dựng dự thảo {title}, trình cấp có thẩm quyền {phrase}.")
        doc.action(pid, f"request: {{what: draft, title: {q(title)}, lead: {lead}, due: \"{due}\", "
                        f"due_phrase: {q(phrase)}}}", f"    id: {rid}\n")
        req = Request(f"{plan.key}#{rid}", plan, "draft", title, None)
    w.requests.append(req)
    w.stats.requests += 1


def _bodies(w: World, doc: Writer, plan: Plan) -> None:
    rnd, day = w.rnd, plan.issued
    if plan.type == "quyet-dinh" and plan.issuer == "ttg" and UBQG not in w.established and day.year >= 2018:
        pid = doc.para(f"Thành lập {w.bodies[UBQG]['name']} trên cơ sở tổ chức lại "
                       f"{w.bodies[OLD_COMMITTEE]['name']}.")
        doc.action(pid, f"establish: {{body: {UBQG}, replaces: {OLD_COMMITTEE}}}")
        w.established.add(UBQG)
        pid = doc.para(f"Thành lập {w.bodies[TCT]['name']}; {w.name('cuc-kstthc')} là đơn vị thường trực.")
        doc.action(pid, f"establish: {{body: {TCT}}}")
        doc.action(pid, f"designate: {{body: {TCT}, role: co-quan-thuong-truc, agency: cuc-kstthc}}")
        w.roles[(TCT, "co-quan-thuong-truc")] = "cuc-kstthc"
        w.established.add(TCT)
        for post in ("chu-tich", "tong-thu-ky"):
            _appoint(w, doc, UBQG, post)
        return
    if plan.type == "quyet-dinh" and plan.issuer in w.ministries:
        body = f"bcd-cpdt-{plan.issuer}"
        if body not in w.established:
            pid = doc.para(f"Thành lập {w.bodies[body]['name']}.")
            doc.action(pid, f"establish: {{body: {body}}}")
            w.established.add(body)
            _appoint(w, doc, body, "truong-ban")
            return
        if rnd.random() < 0.4:
            _appoint(w, doc, body, rnd.choice(["truong-ban", "pho-truong-ban", "thanh-vien", "thanh-vien"]))
        return
    if plan.type == "quyet-dinh" and plan.issuer in ("ttg", UBQG) and UBQG in w.established and rnd.random() < 0.5:
        body = UBQG if rnd.random() < 0.7 else TCT
        _appoint(w, doc, body, rnd.choice(list(w.bodies[body]["posts"])))
        if rnd.random() < 0.15:
            role = (body, "co-quan-thuong-truc")
            current = w.roles.get(role)
            agency = rnd.choice([x for x in ("vpcp", "bo-tttt", "cuc-kstthc") if x != current])
            pid = doc.para(f"Giao {w.name(agency)} là cơ quan thường trực của {w.bodies[body]['name']}"
                           + (f", thay {w.name(current)}." if current else "."))
            doc.action(pid, f"designate: {{body: {body}, role: co-quan-thuong-truc, agency: {agency}"
                            + (f", replaces: {current}}}" if current else "}"))
            w.roles[role] = agency
            w.stats.designations += 1
        return
    if plan.type == "thong-bao" and UBQG in w.established and rnd.random() < 0.2:
        held = w.holders.get((UBQG, "chu-tich"))
        if held:
            pid = doc.para(f"Ông (bà) {w.people[held[0]]}, Chủ tịch {w.bodies[UBQG]['name']}, "
                           f"chỉ đạo các thành viên Ủy ban tập trung thực hiện các nhiệm vụ sau.")
            doc.action(pid, f"holds: {{body: {UBQG}, post: chu-tich, holder: {{person: {held[0]}}}}}")


def _appoint(w: World, doc: Writer, body: str, post: str) -> None:
    """Fill a post: relieve the one holder of a single-holder post first; on a post with several
    holders, sometimes relieve one of them instead of appointing."""
    rnd = w.rnd
    title, several = w.bodies[body]["posts"][post]
    held = w.holders.setdefault((body, post), [])
    body_name = w.bodies[body]["name"]
    if several and held and rnd.random() < 0.3:
        person = rnd.choice(held)
        pid = doc.para(f"Thôi giữ chức {title} {body_name} đối với ông (bà) {w.people[person]}.")
        doc.action(pid, f"relieve: {{body: {body}, post: {post}, holder: {{person: {person}}}}}")
        held.remove(person)
        w.busy.discard(person)
        w.stats.relieves += 1
        return
    person = w.fresh_person()
    if person is None:
        return
    if held and not several:
        old = held.pop()
        pid = doc.para(f"Ông (bà) {w.people[old]} thôi giữ chức {title} {body_name}; giao ông (bà) "
                       f"{w.people[person]} giữ chức {title} {body_name}.")
        doc.action(pid, f"relieve: {{body: {body}, post: {post}, holder: {{person: {old}}}}}")
        w.busy.discard(old)
        w.stats.relieves += 1
    else:
        pid = doc.para(f"Bổ nhiệm ông (bà) {w.people[person]} giữ chức {title} {body_name}.")
    doc.action(pid, f"appoint: {{body: {body}, post: {post}, holder: {{person: {person}}}}}")
    held.append(person)
    w.busy.add(person)
    w.stats.appointments += 1


# --- the whole register -------------------------------------------------------------------------

def generate(root: Path, n_docs: int, seed: int = 8, site: bool = True) -> Stats:
    """Write a register of `n_docs` documents into root/decisions (replacing it); with `site`,
    the site's mkdocs.yml, content/ and theme_overrides/ too. Returns what it wrote."""
    root = Path(root)
    decisions = root / "decisions"
    shutil.rmtree(decisions, ignore_errors=True)
    decisions.mkdir(parents=True)
    if site:
        copy_site(root)
    world = World(n_docs, seed)
    write_registries(world, decisions)
    for plan in plan_documents(world):
        text = write_document(world, plan)
        folder = decisions / str(plan.issued.year)
        folder.mkdir(exist_ok=True)
        (folder / f"{plan.stem}.md").write_text(text, encoding="utf-8")
        world.stats.documents += 1
        world.stats.bytes += len(text.encode("utf-8"))
    return world.stats


def copy_site(root: Path) -> None:
    for name in SITE_FILES:
        source, target = ROOT / name, root / name
        if target.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)


# --- a git history ------------------------------------------------------------------------------

def _blob(data: bytes) -> bytes:
    return b"data %d\n" % len(data) + data + b"\n"


def git_history(root: Path, commits: int, seed: int = 8) -> int:
    """Make `root` a git repository whose history adds its records over `commits` commits, in
    the order they were issued, through ONE `git fast-import` stream. Some records are first
    committed as drafts (a shorter text) and completed later, some under a draft file name
    renamed later; every tenth commit is a pull request merged with "Merge pull request #N".
    The last commit's tree is exactly the files on disk. Returns the number of commits."""
    root = Path(root)
    rnd = random.Random(seed)
    files = sorted(p for p in root.rglob("*") if p.is_file() and ".git" not in p.parts
                   and not p.relative_to(root).parts[0].startswith(("site", ".")))
    records = [p for p in files if p.parent.parent == root / "decisions" and p.suffix == ".md"]
    fixed = [p for p in files if p not in set(records)]
    records.sort(key=lambda p: (_issued(p), p.as_posix()))
    commits = max(2, commits)
    per = -(-len(records) // (commits - 1)) if records else 0
    out: list[bytes] = []
    mark = 0
    made = 0
    when = 1_199_145_600  # 2008-01-01
    step = max(1, (1_767_225_600 - when) // commits)
    main_tip = None
    pending_edits: list[tuple[str, bytes]] = []     # (path, final text) of drafts to complete
    pending_renames: list[tuple[str, str, bytes]] = []
    pr = 0

    def commit(ref: str, ops: list[bytes], message: str, parents: list[int]) -> int:
        nonlocal mark, made, when
        mark += 1
        made += 1
        when += step
        name, email = EDITORS[made % len(EDITORS)]
        out.append(f"commit {ref}\nmark :{mark}\n".encode())
        out.append(f"author {name} <{email}> {when} +0700\ncommitter {name} <{email}> {when} +0700\n".encode())
        out.append(_blob(message.encode("utf-8")))
        if parents:
            out.append(f"from :{parents[0]}\n".encode())
        for parent in parents[1:]:
            out.append(f"merge :{parent}\n".encode())
        out.extend(ops)
        out.append(b"\n")
        return mark

    def put(path: str, data: bytes) -> bytes:
        return f"M 100644 inline {path}\n".encode("utf-8") + _blob(data)

    ops = [put(p.relative_to(root).as_posix(), p.read_bytes()) for p in fixed]
    main_tip = commit("refs/heads/main", ops, "Khởi tạo sổ đăng ký: cấu hình, trang và danh mục", [])
    k = 0
    while made < commits:
        batch = records[k:k + per]
        k += len(batch)
        ops = []
        for path, data in pending_edits:
            ops.append(put(path, data))
        for old, new, data in pending_renames:
            ops.append(f"R {old} {new}\n".encode("utf-8"))
            ops.append(put(new, data))
        pending_edits, pending_renames = [], []
        for p in batch:
            rel = p.relative_to(root).as_posix()
            data = p.read_bytes()
            r = rnd.random()
            if r < 0.15:        # a draft first: the text without its last paragraph
                draft = data[:data.rfind(b"\n\n") + 1] if b"\n\n" in data else data
                ops.append(put(rel, draft))
                pending_edits.append((rel, data))
            elif r < 0.18:      # under a draft file name first
                draft_rel = rel.replace(p.name, f"du-thao-{p.name}")
                ops.append(put(draft_rel, data))
                pending_renames.append((draft_rel, rel, data))
            else:
                ops.append(put(rel, data))
        if not ops:
            if k >= len(records) and made >= 2:
                break
            ops = []
        subject = (f"Thêm {len(batch)} văn bản" if batch else "Sửa bản ghi")
        last = made + 1 >= commits or (k >= len(records) and not pending_edits and not pending_renames)
        if main_tip is not None and made % 10 == 9 and made + 2 <= commits and not last:
            pr += 1
            branch = commit("refs/heads/pr", ops, f"{subject} (nhánh biên tập {pr})", [main_tip])
            main_tip = commit("refs/heads/main", ops, f"Merge pull request #{pr} from bien-tap/pr-{pr}",
                              [main_tip, branch])
        else:
            main_tip = commit("refs/heads/main", ops, subject + (f" (#{1000 + made})" if made % 7 == 0 else ""),
                              [main_tip])
        if made >= commits:
            break
    # whatever is left (small --commits): one last commit, so that the tree matches the disk
    rest = records[k:]
    ops = [put(p.relative_to(root).as_posix(), p.read_bytes()) for p in rest]
    ops += [put(path, data) for path, data in pending_edits]
    for old, new, data in pending_renames:
        ops += [f"R {old} {new}\n".encode("utf-8"), put(new, data)]
    if ops:
        main_tip = commit("refs/heads/main", ops, "Thêm các văn bản còn lại", [main_tip])
    shutil.rmtree(root / ".git", ignore_errors=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=b"".join(out), check=True)
    subprocess.run(["git", "branch", "-q", "-D", "pr"], cwd=root, check=False, capture_output=True)
    subprocess.run(["git", "reset", "-q"], cwd=root, check=True)   # the index, from HEAD
    return made


def _issued(path: Path) -> str:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("issued:"):
                return line.split(":", 1)[1].strip().strip('"')
    return ""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path, help="folder to write the register into")
    p.add_argument("--docs", type=int, default=1000)
    p.add_argument("--seed", type=int, default=8)
    p.add_argument("--commits", type=int, default=0, help="make a git history of this many commits")
    p.add_argument("--no-site", action="store_true", help="write decisions/ only")
    args = p.parse_args(argv)
    stats = generate(args.out, args.docs, args.seed, site=not args.no_site)
    if args.commits:
        stats.commits = git_history(args.out, args.commits, args.seed)
    print(f"{args.out}: {stats.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
