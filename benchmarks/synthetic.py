"""A synthetic register of N documents, deterministic for a seed: for measuring scale.

    .venv/bin/python benchmarks/synthetic.py OUT --docs 10000 [--seed 8] [--commits 2000]

writes OUT/decisions/ (agencies.yml, people.yml, bodies.yml, <year>/<file>.md), copies the
site's mkdocs.yml, content/ and theme_overrides/ next to it so that `register --root OUT build`
works, and with --commits M makes OUT a git repository whose history of M commits adds the
records in the order they were issued (one `git fast-import` stream, not a commit per call).

The records are invented but shaped like the real ones (content/dinh-dang-ban-ghi.md): notices
of conclusions, decisions, resolutions, decrees, circulars, plans and reports of the Prime
Minister, the Government, its Office (VPCP) and the ministries, in Vietnamese with diacritics,
3–18 KB each (a median of 6 KB; the seeds, long notices, are 10–42 KB). They hold everything
the register traces:

- tasks assigned with a lead, co-operating agencies and a due period (a day, a month, a quarter
  or a year, with the phrase of the source, or a phrase alone), given to more agencies later,
  transferred along chains — always from the agency that holds the task at that moment, never
  twice on one day — and reported on;
- bodies (the National Committee, its working group, a steering committee per ministry) set up
  by a decision, their posts filled and vacated by appointments and relieves — never two holders
  of a single-holder post at once —, observed holders, standing roles designated and moved;
- amendments, replacements and repeals of earlier documents; requests to draft or amend a
  document, with a due period, fulfilled later by the document that does it; changes directed
  by a request (an appointment pending the amending decision) enacted when it is fulfilled;
- citations in the text ("Quyết định số 1072/QĐ-TTg ngày 28/8/2018"), of documents in the
  register and of documents it does not hold (party resolutions, older decrees).

How much of each a document holds is the profile below ("the profile"), derived from the seed
records in decisions/ and the government's task tracking: at least 5 tasks a document on
average at any N (5.8 drawn; 10,000 documents hold at least 50,000), with co-operators, due
periods, transfers, reports, requests, appointments, observed holders, designations and
citations in the seeds' proportions to them. Task titles are composed from verbs, objects,
purposes and scopes (10,000 documents: some 28,500 distinct titles among 57,800 tasks, on a
vocabulary of a few hundred words), and task paragraphs are worded in several ways, so that a
search finds what it would in a real register. Generation is seeded and linear in N (10,000
documents in 5–10 s): no draw scans more than a bounded window of what came before.

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

# what documents and requests are about: (subject, short slug)
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
# What tasks are about, for their titles: (noun phrase, short slug for ids). A task's title is
# a verb for its kind of object, the object, sometimes a purpose and a scope: over 100,000
# possible titles from these lists, sharing their words as real ones do (the seeds' titles:
# "Nâng cấp Hệ thống thư điện tử công vụ Chính phủ", "Xây dựng phần mềm Quản lý nhân sự …"),
# so that a search for a word finds many tasks and a search for a phrase few.
OBJECTS = [
    ("Hệ thống thông tin một cửa điện tử cấp bộ, cấp tỉnh", "mot-cua-dien-tu", "system"),
    ("Cổng dịch vụ công cấp tỉnh", "cong-dvc-tinh", "system"),
    ("Hệ thống thông tin báo cáo của bộ, ngành, địa phương", "bao-cao-bo-nganh", "system"),
    ("phần mềm quản lý văn bản và hồ sơ công việc", "quan-ly-van-ban", "system"),
    ("Hệ thống thư điện tử công vụ", "thu-dien-tu", "system"),
    ("Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước", "mang-truyen-so-lieu", "system"),
    ("Trung tâm giám sát an toàn không gian mạng", "giam-sat-an-toan", "system"),
    ("Hệ thống định danh và xác thực điện tử", "dinh-danh", "system"),
    ("Hệ thống hỗ trợ thanh toán dịch vụ công trực tuyến", "thanh-toan-dvc", "system"),
    ("nền tảng tích hợp, chia sẻ dữ liệu cấp bộ, cấp tỉnh", "lgsp", "system"),
    ("Hệ thống họp trực tuyến và xử lý công việc", "hop-truc-tuyen", "system"),
    ("trung tâm dữ liệu và hạ tầng điện toán đám mây", "trung-tam-du-lieu", "system"),
    ("phần mềm quản lý cán bộ, công chức, viên chức", "quan-ly-nhan-su", "system"),
    ("Cổng dữ liệu mở", "du-lieu-mo", "system"),
    ("cơ sở dữ liệu quốc gia về dân cư", "csdl-dan-cu", "data"),
    ("cơ sở dữ liệu quốc gia về đất đai", "csdl-dat-dai", "data"),
    ("cơ sở dữ liệu về bảo hiểm", "csdl-bao-hiem", "data"),
    ("cơ sở dữ liệu đăng ký doanh nghiệp", "csdl-doanh-nghiep", "data"),
    ("cơ sở dữ liệu hộ tịch điện tử", "csdl-ho-tich", "data"),
    ("cơ sở dữ liệu về cán bộ, công chức", "csdl-can-bo", "data"),
    ("hồ sơ sức khỏe điện tử của người dân", "ho-so-suc-khoe", "data"),
    ("hồ sơ, kết quả giải quyết thủ tục hành chính", "ho-so-tthc", "data"),
    ("dữ liệu thống kê ngành", "du-lieu-thong-ke", "data"),
    ("danh mục dữ liệu dùng chung", "du-lieu-dung-chung", "data"),
    ("Quy chế quản lý, vận hành Trục liên thông văn bản quốc gia", "quy-che-truc", "rule"),
    ("Quy chế bảo đảm an toàn thông tin mạng", "quy-che-attt", "rule"),
    ("quy định về lưu trữ hồ sơ điện tử", "luu-tru-dien-tu", "rule"),
    ("tiêu chuẩn kỹ thuật về kết nối, chia sẻ dữ liệu", "tieu-chuan-ket-noi", "rule"),
    ("bộ chỉ số đánh giá mức độ chuyển đổi số", "chi-so-chuyen-doi-so", "rule"),
    ("Kiến trúc Chính quyền điện tử phiên bản 2.0", "kien-truc", "rule"),
    ("danh mục dịch vụ công trực tuyến toàn trình", "dvc-toan-trinh", "rule"),
    ("quy trình nội bộ giải quyết thủ tục hành chính", "quy-trinh-noi-bo", "rule"),
    ("chương trình đào tạo kỹ năng số cho cán bộ, công chức", "ky-nang-so", "people"),
    ("đội ngũ chuyên trách công nghệ thông tin", "chuyen-trach-cntt", "people"),
    ("công tác tuyên truyền về Chính phủ số", "tuyen-truyen", "people"),
    ("Tổ chuyên gia tư vấn về chuyển đổi số", "to-chuyen-gia", "people"),
]
# verbs by the kind of object they take
TASK_VERBS = {
    "system": ["Xây dựng", "Nâng cấp", "Triển khai", "Vận hành", "Hoàn thiện", "Kết nối",
               "Mở rộng", "Thuê dịch vụ", "Bảo đảm an toàn thông tin cho", "Đánh giá hiệu quả của",
               "Nghiên cứu, đề xuất phương án đầu tư", "Thí điểm", "Tích hợp"],
    "data": ["Xây dựng", "Cập nhật, làm sạch", "Số hóa", "Chuẩn hóa", "Kết nối, chia sẻ",
             "Khai thác, sử dụng", "Rà soát, bổ sung", "Mở và cung cấp"],
    "rule": ["Ban hành", "Rà soát, sửa đổi", "Xây dựng", "Hướng dẫn thực hiện", "Tổ chức áp dụng",
             "Nghiên cứu, đề xuất", "Tổng kết, đánh giá việc thực hiện"],
    "people": ["Tổ chức", "Kiện toàn", "Tăng cường", "Bố trí kinh phí cho", "Đẩy mạnh",
               "Tổng kết, đánh giá"],
}
PURPOSES = [
    "phục vụ chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ",
    "phục vụ người dân và doanh nghiệp",
    "bảo đảm kết nối với Cổng Dịch vụ công quốc gia",
    "phù hợp với Khung kiến trúc Chính phủ điện tử Việt Nam",
    "gắn với cải cách thủ tục hành chính",
    "bảo đảm an toàn, an ninh mạng",
    "theo hướng dùng chung, tránh đầu tư trùng lặp",
    "đáp ứng yêu cầu liên thông dữ liệu",
    "nâng cao chất lượng phục vụ của cơ quan nhà nước",
    "bảo đảm công khai, minh bạch",
]
SCOPES = ["tại các bộ, cơ quan ngang bộ", "ở cả 4 cấp chính quyền", "trong phạm vi toàn quốc",
          "tại {place}", "trong năm {year}", "giai đoạn {year}-{year2}", "theo lộ trình đã được phê duyệt",
          "ở cấp huyện, cấp xã", "tại các đơn vị trực thuộc", "trong toàn ngành"]
# how a paragraph gives a task: {lead}, {co} (", phối hợp với …" or ""), {task}, {due}
TASK_FRAMES = [
    "Giao {lead} chủ trì{co} {task}{due}.",
    "{Lead} chủ trì{co} {task}{due}.",
    "Yêu cầu {lead}{co} khẩn trương {task}{due}.",
    "Đề nghị {lead}{co} {task}{due}.",
    "{Lead} có trách nhiệm{co} {task}{due}.",
    "Về {topic}: giao {lead}{co} {task}{due}.",
]
LOOSE_DUE = ["sớm", "khẩn trương", "thường xuyên", "định kỳ hằng quý"]   # a task's due phrase, no date
# a request's, no date (the seeds: "trình trong tháng 6", with no year)
REQUEST_LOOSE_DUE = ["sớm", "khẩn trương", "trong tháng {month}", "trong Quý {quarter}"]
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

# --- the profile: how much of each kind of record a document holds ----------------------------
#
# Tasks. The seeds (decisions/: four notices of conclusions, 2018-2020) assign 63 tasks, 15.75
# a document, and declare 7 more by transferring them (70 in all); the government's own
# tracking counts 6,272 tasks in 1,154 task-bearing documents, 5.4 each. A register of every
# kind of document holds fewer in a decree than in a conclusion, so the mean differs by type
# (below, weighted by TYPES: 5.8 a document), and a running floor makes the register hold at
# least MIN_TASKS_PER_DOC per document at any N (a document behind the floor assigns the
# difference): 10,000 documents hold at least 50,000 tasks.
MIN_TASKS_PER_DOC = 5
TASKS_MEAN = {"thong-bao": 8.5, "ke-hoach": 10.0, "chi-thi": 8.0, "nghi-quyet": 7.0,
              "quyet-dinh": 3.0, "bao-cao": 0.5, "nghi-dinh": 1.0, "thong-tu": 1.0}
TASKS_MAX = 30              # the seeds: 4, 7, 23 and 29 a document
# Of the seeds' 63 assigned tasks: 40 have no co-operating agency, 20 one, 2 two, 1 four
# (0.44 a task); 33 a stored due period (26 a year, 3 a quarter, 2 a month, 2 a day), 2 a due
# phrase only ("sớm", "khẩn trương"), 28 none; their leads cluster, 2 to 8 agencies a document
# leading 3 tasks each (a document names 2 to 15 agencies, 8 on average).
CO_OPERATORS = ([0, 1, 2, 3], [40, 20, 2, 1])
TASK_DUE = (["stored", "phrase", "none"], [33, 2, 28])
TASK_DUE_KINDS = [2, 2, 3, 26]       # day, month, quarter, year
# Per assigned task, in the seeds: 7 transfers (0.11), 4 more assigns of a task already
# declared (0.06: a new lead or co-operators), 3 reports (0.05), 16 requests (0.25: 13 to draft
# a document, 3 to amend one; 11 with a stored due, months and quarters), 14 appointments
# (0.22) and 5 relieves (0.08), 11 holders observed (0.17), 6 designations of a role (0.10). A
# document draws each of these once per task it assigns, with that chance. (The seeds are
# notices, the documents richest in them; the rates per task carry them to the other types.)
# Reports also come 1-3 to a report (bao-cao), which the seeds have none of. Appointments and
# relieves together come as in the seeds (0.30 a task), but not split 14 to 5: the seeds set up
# a body, and the posts here are finite, so over years a relief comes with nearly every
# appointment (10,000 documents: 0.16 and 0.15 a task).
PER_TASK = {"transfer": 0.11, "reassign": 0.06, "report": 0.05, "request": 0.25,
            "appoint": 0.22, "holds": 0.17, "designate": 0.10}
AMEND_REQUESTS = 3 / 16
REQUEST_DUE_KINDS = [0, 7, 4, 0]     # day, month, quarter, year, of the seeds' 11 stored
REQUEST_DUE = 11 / 16
# Citations: the seeds cite 24 times, 6 a document, of 2.25 distinct documents a document (7 in
# all, cited 3.4 times each); 8 are declared in front matter (2 a document). A document here
# cites 0-2 documents the register does not hold and 0-3 it holds in its grounds, and its task
# paragraphs name one of those again with a chance of CITE_AGAIN each.
CITE_AGAIN = 0.6
# Bodies and people: the seeds name 1-2 bodies and 2-3 people a document (beside the signer),
# the people of appointments, relieves and observed holders; 5 people in all for 4 documents.
# Here the pool grows as one person for PEOPLE_PER_DOCS documents, and a post with several
# holders keeps at most SEVERAL_MAX (then one is relieved): people recur, as they do.
PEOPLE_PER_DOCS = 5
SEVERAL_MAX = 8
# Amendments, replacements and repeals of earlier documents: none in the seeds (notices do not
# amend); 15 % of decisions, decrees, circulars and resolutions, as before.

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
    reassigned: int = 0
    appointments: int = 0
    relieves: int = 0
    designations: int = 0
    holds: int = 0
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
        self.open_tasks: list[str] = []        # in the order assigned; done ones stay, marked
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
                       "thanh-vien": ("Thành viên", True)},
                roles={"co-quan-thuong-truc": "Cơ quan thường trực"})
        self.issuer_abbr[UBQG] = self.bodies[UBQG]["abbr"]

    def _people(self) -> None:
        """A pool that grows with the register, as a real one does over the years."""
        count = max(40, self.n // PEOPLE_PER_DOCS)
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
        self.cited_short: list[str] = []    # what the grounds cite, as a task paragraph names it again
        self.touched: set[tuple[str, str]] = set()   # posts filled or vacated here: once a document

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
            short = f"{label} số {target.number} ngày {vn_date(target.issued)}"
            self.cited_short.append(short)
            return f"{short} của {w.name(target.issuer)} về {w.titles[target.key]}"
        short = f"kết luận ngày {vn_date(target.issued)} của {w.name('ttg')}"
        self.cited_short.append(short)
        return short

    def cite_external(self) -> str:
        number, word, day, subject = self.rnd.choice(self.w.external)
        self.w.stats.citations += 1
        self.w.stats.external += 1
        if self.rnd.random() < 0.3 and len(self.front_cites) < 2:
            self.front_cites.append(f"  - {{number: {q(number)}, date: \"{day.isoformat()}\", subject: {q(subject)}}}\n")
        self.cited_short.append(f"{word} số {number} ngày {vn_date(day)}")
        return f"{word} số {number} ngày {vn_date(day)} {subject}"

    def mention(self) -> str:
        """One of the documents the grounds cite, named again (the seeds name each 3.4 times)."""
        self.w.stats.citations += 1
        return self.rnd.choice(self.cited_short)

    def target_ref(self, target: Plan) -> str:
        """How a record names an earlier document: its number as printed when that number
        resolves to it (the latest of that number before this one), else its reference."""
        own = fold(self.p.number) if self.p.number else None
        if target.number and fold(target.number) != own:   # else it would name this document
            same = self.w.by_number.get(fold(target.number), [])
            if same and same[-1] is target:
                return q(target.number)
        return target.key


def _subject(world: World) -> str:
    return world.rnd.choice(SUBJECTS)[0]


def _due(world: World, after: date, weights=TASK_DUE_KINDS) -> tuple[str, str]:
    """A due period after `after` as stored and as the source words it: a day, a month, a
    quarter or a year, drawn with `weights`."""
    rnd = world.rnd
    day = after + timedelta(days=rnd.randint(20, 540))
    kind = rnd.choices(["day", "month", "quarter", "year"], weights)[0]
    if kind == "day":
        return day.isoformat(), f"trước ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    if kind == "month":
        return f"{day.year}-{day.month:02d}", f"trong tháng {day.month} năm {day.year}"
    if kind == "quarter":
        quarter = (day.month - 1) // 3 + 1
        return f"{day.year}-Q{quarter}", f"trong Quý {ROMAN[quarter]} năm {day.year}"
    return str(day.year), f"trong năm {day.year}"


def _task_title(world: World, day: date) -> tuple[str, str]:
    """(title, slug for its id): a verb for the object's kind, the object, half the time a
    purpose, mostly a scope."""
    rnd = world.rnd
    obj, slug, kind = rnd.choice(OBJECTS)
    title = f"{rnd.choice(TASK_VERBS[kind])} {obj}"
    if rnd.random() < 0.5:
        title += f" {rnd.choice(PURPOSES)}"
    if rnd.random() < 0.75:
        title += " " + rnd.choice(SCOPES).format(place=rnd.choice(PROVINCES), year=day.year + 1,
                                                 year2=day.year + 3)
    return title, slug


def _binomial(rnd: random.Random, n: int, p: float) -> int:
    return sum(rnd.random() < p for _ in range(n))


def _task_count(w: World, plan: Plan) -> int:
    """How many tasks the document assigns: a draw around its type's mean (gamma, shape 2:
    most near it, a few far above, as the seeds' 4 to 29), raised to keep the register at
    MIN_TASKS_PER_DOC a document so far."""
    mean = TASKS_MEAN.get(plan.type, 0.0)
    n = min(TASKS_MAX, round(w.rnd.gammavariate(2.0, mean / 2.0))) if mean else 0
    behind = MIN_TASKS_PER_DOC * (w.stats.documents + 1) - w.stats.tasks
    return max(n, behind)


def write_document(world: World, plan: Plan) -> str:
    rnd, w = world.rnd, world
    doc = Writer(world, plan)
    day = plan.issued
    subject = _subject(world)
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

    # tasks: assigned (to a few agencies the document addresses, as the seeds' leads cluster),
    # given to more agencies, transferred, reported; the rest of the actions drawn per task
    n_tasks = _task_count(world, plan)
    addressed = rnd.sample(w.leads, min(n_tasks, 2 + n_tasks // 4))
    for _ in range(n_tasks):
        _assign(world, doc, plan, addressed, subject, meeting or day)
    for _ in range(_binomial(rnd, n_tasks, PER_TASK["reassign"])):
        _reassign(world, doc)
    for _ in range(_binomial(rnd, n_tasks, PER_TASK["transfer"])):
        _transfer(world, doc, plan)
    reports = _binomial(rnd, n_tasks, PER_TASK["report"]) + (rnd.randint(1, 3) if plan.type == "bao-cao" else 0)
    for _ in range(reports):
        _report(world, doc, plan)
    for _ in range(_binomial(rnd, n_tasks, PER_TASK["appoint"])):
        _appoint_somewhere(world, doc, plan)
    for _ in range(_binomial(rnd, n_tasks, PER_TASK["holds"])):
        _observe(world, doc)
    for _ in range(_binomial(rnd, n_tasks, PER_TASK["designate"])):
        _designate(world, doc)

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
                doc.touched.add((body, post, person))
        else:
            doc.para(f"Ban hành kèm theo {tname.lower()} này {title[:1].lower() + title[1:]}, "
                     f"thực hiện nhiệm vụ được giao tại {_cite_text(w, fulfil.doc)}.")

    # requests: documents to draft or amend
    for _ in range(_binomial(rnd, n_tasks, PER_TASK["request"])):
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


def _assign(w: World, doc: Writer, plan: Plan, addressed: list[str], subject: str, decided: date) -> None:
    """A task declared: most to one of the agencies the document addresses, its co-operators,
    due and wording drawn as in the seeds (CO_OPERATORS, TASK_DUE), its paragraph in one of
    several phrasings and sometimes naming again a document the grounds cite."""
    rnd = w.rnd
    lead = rnd.choice(addressed) if addressed and rnd.random() < 0.85 else rnd.choice(w.leads)
    wanted = rnd.choices(*CO_OPERATORS)[0]
    pool = addressed if rnd.random() < 0.5 and len(addressed) > wanted else w.leads
    co = [x for x in rnd.sample(pool, wanted) if x != lead]
    w.task_counter += 1
    title, slug = _task_title(w, plan.issued)
    task_id = f"{slug}-{plan.issued.year}-{w.task_counter}"
    fields = [f"task: {{id: {task_id}, title: {q(title)}}}", f"lead: {lead}"]
    if co:
        fields.append(f"with: [{', '.join(co)}]")
    due_text = ""
    how = rnd.choices(*TASK_DUE)[0]
    if how == "stored":
        due, phrase = _due(w, max(decided, plan.issued))
        fields += [f"due: \"{due}\"", f"due_phrase: {q(phrase)}"]
        due_text = f", hoàn thành {phrase}"
    elif how == "phrase":
        phrase = rnd.choice(LOOSE_DUE)
        fields.append(f"due_phrase: {q(phrase)}")
        due_text = f", thực hiện {phrase}"
    task = title[:1].lower() + title[1:]
    if doc.cited_short and rnd.random() < CITE_AGAIN:
        task += f" theo {doc.mention()}"
    name = w.name(lead)
    pid = doc.para(rnd.choice(TASK_FRAMES).format(
        lead=name, Lead=name, task=task, due=due_text, topic=subject,
        co=(", phối hợp với " + ", ".join(w.name(x) for x in co)) if co else ""))
    doc.action(pid, "assign: {" + ", ".join(fields) + "}")
    w.tasks[task_id] = TaskState(task_id, title, lead, plan.issued)
    w.open_tasks.append(task_id)
    w.stats.tasks += 1


def _reassign(w: World, doc: Writer) -> None:
    """An agency added to a task already declared (the seeds: 4 such assigns in 67)."""
    rnd = w.rnd
    candidates = [t for t in w.open_tasks[-200:] if not w.tasks[t].done]
    if not candidates:
        return
    task = w.tasks[rnd.choice(candidates)]
    other = rnd.choice([x for x in w.leads if x != task.holder])
    pid = doc.para(f"Bổ sung {w.name(other)} phối hợp thực hiện nhiệm vụ {task.title[:1].lower() + task.title[1:]}.")
    doc.action(pid, f"assign: {{task: {task.id}, with: [{other}]}}")
    w.stats.reassigned += 1


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
    candidates = [t for t in w.open_tasks[-400:] if w.tasks[t].moved_on <= plan.issued and not w.tasks[t].done]
    if not candidates:
        return
    task = w.tasks[rnd.choice(candidates)]
    if rnd.random() < 0.6:
        pid = doc.para(f"{w.name(task.holder)} đã hoàn thành nhiệm vụ {task.title[:1].lower() + task.title[1:]}.")
        doc.action(pid, f"report: {{task: {task.id}, status: done, text: {q('Đã hoàn thành')}}}")
        task.done = True   # it stays in open_tasks, skipped where drawn: removing it is linear
    else:
        pid = doc.para(f"Nhiệm vụ {task.title[:1].lower() + task.title[1:]} đang được {w.name(task.holder)} "
                       "triển khai, dự kiến hoàn thành đúng hạn.")
        doc.action(pid, f"report: {{task: {task.id}, status: in-progress, text: {q('Đang triển khai')}}}")
    w.stats.reports += 1


def _request(w: World, doc: Writer, plan: Plan, subject: str, decided: date) -> None:
    """A document to draft, or (AMEND_REQUESTS of them) an earlier decision of the Prime
    Minister to amend, sometimes with a member appointed once the amendment is issued."""
    rnd = w.rnd
    doc.request_ids += 1
    rid = f"yc-{doc.request_ids}"
    lead = rnd.choice(w.ministries + ["vpcp"])
    r = rnd.random()
    if r < REQUEST_DUE:
        due, phrase = _due(w, max(decided, plan.issued), REQUEST_DUE_KINDS)
        due_fields, when = f", due: \"{due}\", due_phrase: {q(phrase)}", f" {phrase}"
    elif r < REQUEST_DUE + (1 - REQUEST_DUE) * 0.6:   # the seeds: 3 with a phrase only, 2 with none
        phrase = rnd.choice(REQUEST_LOOSE_DUE).format(month=rnd.randint(1, 12), quarter=ROMAN[rnd.randint(1, 4)])
        due_fields, when = f", due_phrase: {q(phrase)}", f" {phrase}"
    else:
        due_fields, when = "", ""
    amend = rnd.random() < AMEND_REQUESTS and plan.issued.year >= 2018 and UBQG in w.established
    ttg_decisions = ([t for t in w.written[-800:] if t.issuer == "ttg" and t.type == "quyet-dinh" and t.number]
                     if amend else [])
    if ttg_decisions:
        target = rnd.choice(ttg_decisions)
        pid = doc.para(f"Giao {w.name(lead)} chủ trì, phối hợp với Văn phòng Chính phủ trình Thủ tướng "
                       f"Chính phủ sửa đổi {_cite_text(w, target)}{when}.")
        doc.action(pid, f"request: {{what: amend, target: {doc.target_ref(target)}, lead: {lead}{due_fields}}}",
                   f"    id: {rid}\n")
        req = Request(f"{plan.key}#{rid}", plan, "amend", None, target)
        person = w.fresh_person() if rnd.random() < 0.3 else None
        if person is not None:   # a member appointed once the amending decision is issued
            text = (f"Bổ sung ông (bà) {w.people[person]} làm thành viên "
                    f"{w.bodies[UBQG]['name']}.")
            pid = doc.para(text)
            doc.action(pid, f"appoint: {{body: {UBQG}, post: thanh-vien, holder: {{person: {person}}}}}",
                       f"    pending: {rid}\n")
            w.busy.add(person)
            req.pending.append((UBQG, "thanh-vien", person))
    else:
        kind = rnd.choice(["Nghị định", "Quyết định", "Kế hoạch", "Thông tư", "Đề án", "Chương trình"])
        topic = subject if rnd.random() < 0.5 else f"quản lý, vận hành {rnd.choice(OBJECTS)[0]}"
        title = f"{kind} về {topic} giai đoạn {plan.issued.year + 1}-{plan.issued.year + 5}"
        pid = doc.para(f"Giao {w.name(lead)} chủ trì xây dựng dự thảo {title}, trình cấp có thẩm quyền{when}.")
        doc.action(pid, f"request: {{what: draft, title: {q(title)}, lead: {lead}{due_fields}}}",
                   f"    id: {rid}\n")
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
        doc.touched.add((TCT, "co-quan-thuong-truc"))
        w.stats.designations += 1
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
        return
    if plan.type == "thong-bao" and UBQG in w.established and rnd.random() < 0.2:
        held = w.holders.get((UBQG, "chu-tich"))
        if held:
            pid = doc.para(f"Ông (bà) {w.people[held[0]]}, Chủ tịch {w.bodies[UBQG]['name']}, "
                           f"chỉ đạo các thành viên Ủy ban tập trung thực hiện các nhiệm vụ sau.")
            doc.action(pid, f"holds: {{body: {UBQG}, post: chu-tich, holder: {{person: {held[0]}}}}}")
            w.stats.holds += 1


def _appoint(w: World, doc: Writer, body: str, post: str) -> None:
    """Fill a post: relieve the one holder of a single-holder post first; on a post with several
    holders, sometimes relieve one of them instead of appointing, always once it has SEVERAL_MAX
    or no one is free to appoint. A document fills or vacates a single-holder post once, and
    does not relieve a holder it appointed (the checks refuse both)."""
    rnd = w.rnd
    title, several = w.bodies[body]["posts"][post]
    if not several and (body, post) in doc.touched:
        return
    held = w.holders.setdefault((body, post), [])
    body_name = w.bodies[body]["name"]
    person = None
    if not (several and held and (len(held) >= SEVERAL_MAX or rnd.random() < 0.2)):
        person = w.fresh_person()
    if person is None:
        leaving = [p for p in held if (body, post, p) not in doc.touched] if several else []
        if not leaving:
            return
        person = rnd.choice(leaving)
        pid = doc.para(f"Thôi giữ chức {title} {body_name} đối với ông (bà) {w.people[person]}.")
        doc.action(pid, f"relieve: {{body: {body}, post: {post}, holder: {{person: {person}}}}}")
        held.remove(person)
        w.busy.discard(person)
        w.stats.relieves += 1
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
    doc.touched.update({(body, post), (body, post, person)})
    w.stats.appointments += 1


def _body_for(w: World, plan: Plan) -> str | None:
    """The body a document's appointments are most likely in: its ministry's steering committee,
    else the National Committee or its working group, else any body set up by now."""
    own = f"bcd-cpdt-{plan.issuer}"
    if own in w.established and w.rnd.random() < 0.7:
        return own
    if UBQG in w.established and w.rnd.random() < 0.6:
        return UBQG if w.rnd.random() < 0.7 else TCT
    bodies = sorted(b for b in w.established if b in w.bodies and w.bodies[b]["posts"])
    return w.rnd.choice(bodies) if bodies else None


def _appoint_somewhere(w: World, doc: Writer, plan: Plan) -> None:
    body = _body_for(w, plan)
    if body is not None:
        _appoint(w, doc, body, w.rnd.choice(list(w.bodies[body]["posts"])))


def _observe(w: World, doc: Writer) -> None:
    """A holder the text names in passing (`holds`): of a post filled by now and not changed here."""
    rnd = w.rnd
    posts = [k for k, held in w.holders.items() if held and k not in doc.touched]
    if not posts:
        return
    body, post = rnd.choice(sorted(posts))
    person = rnd.choice(w.holders[(body, post)])
    title = w.bodies[body]["posts"][post][0]
    pid = doc.para(f"Ông (bà) {w.people[person]}, {title} {w.bodies[body]['name']}, đề nghị các cơ quan "
                   "liên quan phối hợp chặt chẽ trong quá trình thực hiện.")
    doc.action(pid, f"holds: {{body: {body}, post: {post}, holder: {{person: {person}}}}}")
    w.stats.holds += 1


def _designate(w: World, doc: Writer) -> None:
    """A body's standing agency designated, replacing the one before."""
    rnd = w.rnd
    bodies = sorted(b for b in w.established if b in w.bodies and w.bodies[b]["roles"])
    if not bodies:
        return
    body = rnd.choice(bodies)
    role = (body, "co-quan-thuong-truc")
    if role in doc.touched:
        return
    current = w.roles.get(role)
    agency = rnd.choice([x for x in ("vpcp", "bo-tttt", "cuc-kstthc", "bo-noi-vu", "bo-khdt") if x != current])
    pid = doc.para(f"Giao {w.name(agency)} là cơ quan thường trực của {w.bodies[body]['name']}"
                   + (f", thay {w.name(current)}." if current else "."))
    doc.action(pid, f"designate: {{body: {body}, role: co-quan-thuong-truc, agency: {agency}"
                    + (f", replaces: {current}}}" if current else "}"))
    w.roles[role] = agency
    doc.touched.add(role)
    w.stats.designations += 1


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
