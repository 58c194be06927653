"""Every label the generator writes, in Vietnamese (the default) and English."""
from __future__ import annotations

from generator.core.vocab import DOCUMENT_TYPES

LABELS: dict[str, tuple[str, str]] = {
    "number": ("Số, ký hiệu", "Number"),
    "type": ("Loại văn bản", "Type"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
    "issued": ("Ngày ban hành", "Date of issue"),
    "meeting": ("Ngày họp", "Meeting"),
    "signer": ("Người ký", "Signed by"),
    "sources": ("Nguồn", "Sources"),
    "unknown": ("chưa rõ", "unknown"),
    "unnumbered": ("chưa rõ số", "number unknown"),
    "number_unknown": ("chưa rõ — các nguồn không ghi số", "unknown — the sources give no number"),
    "symbol_unknown": ("ký hiệu chưa rõ — các nguồn chỉ ghi số", "symbol unknown — the sources give the serial only"),
    "descriptive_title": ("tiêu đề mô tả, không phải trích yếu chính thức",
                          "descriptive title, not the official one"),
    "field": ("Thông tin", "Field"),
    "value": ("Giá trị", "Value"),
    "relations": ("Quan hệ", "Relations"),
    "cites": ("Văn bản này trích dẫn", "This document cites"),
    "cited_by": ("Được trích dẫn bởi", "Cited by"),
    "requests": ("Yêu cầu soạn thảo, sửa đổi văn bản", "Requests to draft or amend"),
    "requested_by": ("Được yêu cầu sửa đổi, soạn thảo bởi", "Requested by"),
    "changes": ("Văn bản này sửa đổi, thay thế, bãi bỏ", "This document changes"),
    "changed_by": ("Bị sửa đổi, thay thế, bãi bỏ bởi", "Changed by"),
    "fulfills": ("Thực hiện yêu cầu của", "Fulfils the request of"),
    "fulfilled_by": ("Đã được thực hiện bởi", "Fulfilled by"),
    "actions": ("Nội dung chỉ đạo", "Actions"),
    "text": ("Toàn văn", "Text"),
    "text_full": ("Toàn văn", "Full text"),
    "text_excerpt": ("Trích văn bản", "Excerpt"),
    "text_summary": ("Tóm tắt của báo chí, không phải toàn văn", "Press summary, not the full text"),
    "text_translation": ("Bản dịch", "Translation"),
    "text_mixed": ("Nội dung theo các nguồn (xem cột Nguồn)", "Text as the sources give it"),
    "disputed": ("Nguồn không thống nhất", "Sources disagree"),
    "source_number": ("nguồn", "source"),
    "effective": ("Hiệu lực", "In force from"),
    "from_signing": ("kể từ ngày ký", "from signing"),
    "fulfils_in_part": ("thực hiện một phần: các thay đổi dưới đây", "in part: the changes below"),
    "enacts": ("thực hiện thay đổi", "enacts"),
    "requests_state": ("Yêu cầu của văn bản này và việc thực hiện", "Its requests and their fulfilment"),
    "no_text": ("Sổ đăng ký chưa có toàn văn của văn bản này; thông tin dưới đây lấy từ các văn bản trích dẫn nó.",
                "The register does not hold this document's text yet; what follows is what citing documents say of it."),
    "known_dates": ("Ngày ban hành theo trích dẫn", "Date given by citations"),
    "subjects": ("Nội dung theo văn bản trích dẫn", "Subject, as citing documents give it"),
    "citations": ("Các trích dẫn", "Citations"),
    "paragraph": ("đoạn", "paragraph"),
    "directed": ("được chỉ đạo, chờ văn bản thực hiện", "directed, pending the enacting document"),
    "pending_on": ("chờ sửa đổi", "pending the amendment of"),
    "directed_enacted": ("được chỉ đạo, đã thực hiện bởi", "directed, enacted by"),
    "due": ("hạn", "due"),
    "lead": ("chủ trì", "lead"),
    "with": ("phối hợp", "with"),
    "from": ("từ", "from"),
    "to": ("sang", "to"),
    "documents": ("Văn bản", "Documents"),
    "all_documents": ("Tất cả văn bản", "All documents"),
    "latest_documents": ("Văn bản mới nhất", "Latest documents"),
    "older_by_year": ("Các văn bản khác: xem theo năm ở trên.", "Older documents: see the years above."),
    "by_year": ("Theo năm", "By year"),
    "other_indexes": ("Tra theo cách khác", "Other ways in"),
    "by_type": ("Theo loại văn bản", "By type"),
    "by_issuer": ("Theo cơ quan ban hành", "By issuer"),
    "cited_not_in_register": ("Văn bản được trích dẫn, chưa có trong sổ", "Cited, not yet in the register"),
    "cited_not_in_register_intro": (
        "Các văn bản dưới đây được văn bản trong sổ trích dẫn nhưng sổ chưa có toàn văn. "
        "Biên tập viên có thể bổ sung: khi văn bản được thêm vào, trang của nó giữ nguyên địa chỉ.",
        "These documents are cited by documents in the register, which does not hold their text yet. "
        "Editors may add them: the page keeps its address when the document is added."),
    "cited_times": ("số lần trích dẫn", "citations"),
    "year": ("Năm", "Year"),
    "due_year": ("Năm đến hạn", "Year due"),
    "year_unknown": ("không rõ năm", "year unknown"),
    "title": ("Trích yếu", "Title"),
    "count": ("Số văn bản", "Documents"),
    "how_many": ("Số lượng", "Number"),
    "task": ("Nhiệm vụ", "Task"),
    "tasks": ("Nhiệm vụ", "Tasks"),
    "agency": ("Cơ quan", "Agency"),
    "agencies": ("Cơ quan", "Agencies"),
    "person": ("Cá nhân", "Person"),
    "people": ("Cá nhân", "People"),
    "body": ("Tổ chức phối hợp", "Body"),
    "bodies": ("Ủy ban, ban, tổ công tác", "Committees and working groups"),
    "declared_in": ("Ghi nhận lần đầu tại", "First recorded in"),
    "mentioned_in": ("Xuất hiện trong", "Appears in"),
    "documents_issued": ("Văn bản ban hành", "Documents issued"),
    "none": ("Chưa có.", "None yet."),
    "all": ("Tất cả", "All"),
    "now": ("hiện nay", "now"),
    "no_lead_now": ("Chưa có cơ quan chủ trì", "No lead agency yet"),
    "source_official": ("bản chính thức", "official"),
    "source_republished": ("bản đăng lại", "republished"),
    "source_press": ("báo chí", "press report"),
    "source_text": ("văn bản gốc", "raw text"),
    "act_establish": ("Thành lập", "Establishes"),
    "act_appoint": ("Giao chức vụ", "Appoints"),
    "act_relieve": ("Thôi giữ chức vụ", "Relieves"),
    "act_holds": ("Người giữ chức vụ được nêu", "Named as holding"),
    "act_designate": ("Giao vai trò", "Designates"),
    "act_scope": ("Mở rộng phạm vi", "Widens the remit"),
    "act_assign": ("Giao nhiệm vụ", "Assigns"),
    "act_transfer": ("Chuyển giao nhiệm vụ", "Transfers"),
    "act_amend": ("Sửa đổi", "Amends"),
    "act_replace": ("Thay thế", "Replaces"),
    "act_repeal": ("Bãi bỏ", "Repeals"),
    "act_request": ("Yêu cầu soạn thảo, sửa đổi", "Requests"),
    "act_report": ("Tiến độ", "Progress"),
    "request_fulfilled": ("đã thực hiện bởi", "fulfilled by"),
    "request_partly": ("thực hiện một phần bởi", "fulfilled in part by"),
    "request_pending": ("chưa có văn bản thực hiện", "not yet fulfilled"),
    "act_compose": ("Kiện toàn thành phần", "Restates the composition"),
    "permalink": ("Liên kết đến mục này", "Permanent link"),
    "act_rename": ("Đổi tên", "Renames"),
    "act_withdraw": ("Chấm dứt vai trò", "Ends a role"),
    "members_count": ("{n} thành viên", "{n} members"),
    "list_incomplete": ("nguồn không nêu đủ danh sách", "the source does not list them all"),
    "renamed_to": ("đổi tên thành", "renamed"),
    "takes_effect": ("có hiệu lực từ", "in force from"),
    "inferred": ("suy luận, không nguồn nào nêu", "inferred, no source states it"),
    "inferred_short": ("suy luận", "inferred"),
    "observed_in_effect": ("đã thấy có hiệu lực, văn bản thực hiện chưa có trong sổ:",
                           "seen in effect, by a document not in the register:"),
    "due_undetermined": ("nguồn không đủ để xác định ngày", "the source does not fix the date"),
    "replacing": ("thay", "replacing"),
    "as_of": ("tính đến ngày", "as of"),
    "status_done": ("đã hoàn thành", "done"),
    "status_done_on_time": ("hoàn thành đúng hạn", "done on time"),
    "status_done_late": ("hoàn thành trễ hạn", "done late"),
    "status_not_yet_due": ("chưa đến hạn", "not yet due"),
    "status_past_due": ("quá hạn, chưa ghi nhận hoàn thành", "past due, no completion recorded"),
    "status_no_deadline": ("không có thời hạn, chưa ghi nhận hoàn thành", "no deadline, no completion recorded"),
    "status_due_on": ("hạn", "due"),
    "status_done_reported": ("ghi nhận hoàn thành", "reported done"),
    "status_fulfilled_on": ("văn bản thực hiện ban hành", "fulfilling document issued"),
    "status_days_late": ("trễ {n} ngày", "{n} days late"),
    "status_days_late_min": ("trễ ít nhất {n} ngày", "at least {n} days late"),
    "status_days_past": ("quá hạn {n} ngày", "{n} days past due"),
    "status_undetermined": ("nguồn không đủ để biết đúng hạn hay trễ hạn",
                            "the sources do not say whether on time or late"),
    "report_done": ("đã hoàn thành", "done"),
    "report_in-progress": ("đang thực hiện", "in progress"),
    "report_note": ("ghi nhận", "note"),
    "what_draft": ("soạn thảo", "draft"),
    "what_amend": ("sửa đổi", "amend"),
    "what_replace": ("thay thế", "replace"),
    "what_repeal": ("bãi bỏ", "repeal"),
    "ex_officio": ("người giữ chức vụ", "ex officio"),
    "adds": ("thêm", "adds"),
    "custody": ("Chuỗi trách nhiệm", "Chain of custody"),
    "date": ("Ngày", "Date"),
    "step": ("Bước", "Step"),
    "source": ("Nguồn", "Source"),
    "holder_now": ("Cơ quan chủ trì hiện nay", "Held now by"),
    "since": ("từ", "since"),
    "deadline": ("Thời hạn", "Deadline"),
    "status": ("Tình trạng", "Status"),
    "no_deadline": ("không ghi thời hạn", "no deadline given"),
    "timeline": ("Dòng thời gian", "Timeline"),
    "tasks_held": ("Nhiệm vụ đang chủ trì", "Tasks held now"),
    "tasks_received": ("Nhiệm vụ được chuyển giao đến", "Tasks received"),
    "tasks_handed_over": ("Nhiệm vụ đã chuyển giao đi", "Tasks handed over"),
    "tasks_led": ("Nhiệm vụ được giao chủ trì", "Tasks assigned to lead"),
    "tasks_cooperating": ("Nhiệm vụ phối hợp", "Tasks it co-operates on"),
    "posts_held": ("Chức vụ, vai trò", "Posts and roles"),
    "post": ("Chức vụ", "Post"),
    "role": ("Vai trò", "Role"),
    "holder": ("Người, cơ quan đảm nhiệm", "Holder"),
    "start": ("Từ", "From"),
    "end": ("Đến", "Until"),
    "observed_on": ("được nêu ngày", "named on"),
    "per": ("theo", "per"),
    "names_over_time": ("Tên qua các thời kỳ", "Names over time"),
    "name": ("Tên", "Name"),
    "short_name": ("Tên viết tắt", "Short name"),
    "abbreviation": ("Ký hiệu trong số văn bản", "Abbreviation in document numbers"),
    "registry_name": ("tên trước lần đổi tên đầu tiên", "the name before the first rename"),
    "named_in_seat": ("được nêu tên", "named"),
    "holder_unknown": ("chưa rõ (nguồn không nêu)", "unknown (no source names the holder)"),
    "other_members": ("Thành viên khác", "Other members"),
    "members_not_listed": ("{n} thành viên, nguồn không nêu danh sách", "{n} members, not listed by the source"),
    "not_later_than": ("không muộn hơn", "on or before"),
    "between": ("trong khoảng từ", "between"),
    "and": ("đến", "and"),
    "still": ("nay", "now"),
    "before_known": ("trước đó, chưa rõ", "earlier, unknown"),
    "directed_changes": ("Thay đổi được chỉ đạo, chưa có văn bản thực hiện", "Directed changes not yet enacted"),
    "enacted_by": ("thực hiện bởi", "enacted by"),
    "composition": ("Thành phần theo thời gian", "Composition over time"),
    "composition_on": ("Thành phần từ", "Composition from"),
    "remit": ("Phạm vi", "Remit"),
    "established": ("Thành lập", "Established"),
    "signed": ("Văn bản đã ký", "Documents signed"),
    "transfers": ("Chuyển giao nhiệm vụ", "Task transfers"),
    "transfers_intro": ("Mọi lần chuyển giao nhiệm vụ giữa các cơ quan, mới nhất trước.", "Every transfer of a task between agencies, newest first."),
    "diagram": ("Sơ đồ", "Diagram"),
    "diagram_title": ("Sơ đồ chuyển giao nhiệm vụ giữa các cơ quan", "Transfers of tasks between agencies"),
    "diagram_description": ("Mỗi mũi tên đi từ cơ quan giao nhiệm vụ sang cơ quan nhận. Bảng trên liệt kê từng lần chuyển giao.",
                            "Each arrow goes from the agency that handed a task over to the one that received it. The table above lists each transfer."),
    "transfers_n": ("{n} lần chuyển giao", "{n} transfers"),
    "n_tasks": ("{n} nhiệm vụ", "{n} tasks"),
    "diagram_phone": ("Trên màn hình hẹp, sơ đồ được thay bằng bảng chuyển giao ở trên, cùng nội dung.",
                      "On a narrow screen the diagram gives way to the table of transfers above, which says the same."),
    "accountability": ("Thực hiện nhiệm vụ theo cơ quan", "Tasks by agency: done, late, past due"),
    "acc_agency": ("Thực hiện nhiệm vụ", "Tasks done, late and past due"),
    "acc_intro": ("Nhiệm vụ được đếm theo cơ quan đang chủ trì, và theo năm đến hạn (năm của ngày cuối thời hạn). "
                  "“Đã đến hạn”: thời hạn đã qua. “Quá hạn, chưa ghi nhận hoàn thành”: thời hạn đã qua và "
                  "chưa văn bản nào trong sổ ghi nhận hoàn thành — có thể nhiệm vụ đã xong mà sổ chưa có văn bản ghi nhận. "
                  "Yêu cầu soạn thảo, sửa đổi văn bản được theo dõi ở trang Thời hạn và trang Sửa đổi và yêu cầu.",
                  "Tasks are counted by the agency that leads them now, and by the year they fall due. "
                  "“Due”: the deadline has passed. “Past due, no completion recorded”: the deadline has passed and "
                  "no document in the register reports the task done — it may be done without the register knowing. "
                  "Requests to draft or amend documents are followed on the Deadlines and Amendments pages."),
    "acc_tasks": ("Nhiệm vụ chủ trì", "Tasks led"),
    "acc_h_past_due": ("Quá hạn, chưa ghi nhận xong", "Past due, not reported done"),
    "acc_h_not_yet_due": ("Chưa đến hạn", "Not yet due"),
    "acc_h_done_on_time": ("Xong đúng hạn", "Done on time"),
    "acc_h_done_late": ("Xong trễ hạn", "Done late"),
    "acc_h_done": ("Xong, không rõ đúng hạn", "Done, timing unknown"),
    "acc_h_no_deadline": ("Không thời hạn, chưa ghi nhận xong", "No deadline, not reported done"),
    "acc_due": ("Đã đến hạn", "Due"),
    "acc_done_when_due": ("Trong đó đã xong", "Of those, done"),
    "acc_all_years": ("Tất cả các năm", "Every year"),
    "acc_whole": ("Toàn bộ sổ", "The whole register"),
    "n_requests": ("{n} yêu cầu", "{n} requests"),
    "diagram_flows": ("Mỗi mũi tên là một cặp cơ quan: số lần chuyển giao giữa hai cơ quan, hoặc tên nhiệm vụ nếu chỉ có một lần. Bảng trên liệt kê đủ {transfers} lần chuyển giao.",
                      "Each arrow is a pair of agencies: the number of transfers between them, or the task's title if there was one. The table above lists all {transfers} transfers."),
    "diagram_largest": ("Sơ đồ chỉ vẽ {shown} trong số {flows} cặp cơ quan có chuyển giao: những cặp có nhiều lần chuyển giao nhất, rồi gần đây nhất. Mỗi mũi tên ghi số lần chuyển giao, hoặc tên nhiệm vụ nếu chỉ có một lần. Bảng trên liệt kê đủ {transfers} lần chuyển giao.",
                        "The diagram draws {shown} of the {flows} pairs of agencies with transfers: those with the most, then the most recent. Each arrow gives the number of transfers, or the task's title if there was one. The table above lists all {transfers} transfers."),
    "amendments": ("Sửa đổi và yêu cầu", "Amendments and requests"),
    "changes_in_force": ("Sửa đổi, thay thế, bãi bỏ", "Amendments, replacements, repeals"),
    "requests_list": ("Yêu cầu soạn thảo, sửa đổi văn bản", "Requests to draft or amend documents"),
    "fulfilled": ("đã thực hiện bởi", "fulfilled by"),
    "deadlines": ("Thời hạn", "Deadlines"),
    "deadlines_intro": ("Nhiệm vụ và yêu cầu có thời hạn. Tình trạng tính theo dữ liệu trong sổ: một nhiệm vụ chỉ được coi là hoàn thành khi sổ có văn bản báo cáo hoàn thành hoặc văn bản thực hiện.",
                        "Tasks and requests with a deadline. Status follows what the register holds: a task counts as done only when a document in it reports so or fulfils it."),
    "filter_agency": ("Cơ quan", "Agency"),
    "filter_year": ("Năm", "Year"),
    "filter_all": ("Tất cả", "All"),
    "event_issued": ("Ban hành", "Issued"),
    "event_meeting": ("Cuộc họp", "Meeting"),
    "event_due": ("Hạn", "Due"),
    "kind": ("Loại", "Kind"),
    "event": ("Sự kiện", "Event"),
    "events_count": ("Số sự kiện", "Events"),
    "timeline_by_year": ("Mỗi năm một trang, sự kiện mới nhất trước.",
                         "One page a year, the latest events first."),
    "no_events": ("Chưa có sự kiện.", "No events yet."),
    "assigned_to": ("Giao cho", "Assigned to"),
    "what": ("Nội dung", "What"),
    "document": ("Văn bản", "Document"),
    "h_due": ("Hạn", "Due"),
    "latest_documents": ("Văn bản mới nhất", "Latest documents"),
    "trace": ("Truy vết", "Trace"),
    "h_from": ("Từ", "From"),
    "h_to": ("Sang", "To"),
    "h_lead": ("Chủ trì", "Lead"),
    "stub_note": ("Trang này sẽ có đầy đủ chuỗi trách nhiệm, thời hạn và dòng thời gian.",
                  "This page will show the full chain of custody, deadlines and timeline."),
    # provenance: the editorial history from git (render/history.py)
    "history": ("Lịch sử biên tập", "Editorial history"),
    "history_source": ("Tệp nguồn", "Source file"),
    "history_former": ("tên cũ", "formerly"),
    "history_added": ("Đưa vào sổ", "Added"),
    "history_changed": ("Sửa đổi lần cuối", "Last changed"),
    "history_commit": ("Commit", "Commit"),
    "history_when": ("Thời điểm", "Date"),
    "history_author": ("Người thực hiện", "Author"),
    "history_subject": ("Nội dung thay đổi", "Subject"),
    "history_pr": ("Pull request", "Pull request"),
    "history_via": ("qua", "via"),
    "history_tz": ("Thời điểm theo giờ Việt Nam (UTC+7).", "Times are Vietnam time (UTC+7)."),
    "history_unavailable": (
        "Không có lịch sử biên tập: bản dựng này không lấy từ một kho git (chẳng hạn bản nén tải về). "
        "Xem lịch sử của tệp trên kho mã nguồn.",
        "The editorial history is unavailable: this site was not built from a git repository "
        "(a release tarball, say). See the file's history in the source repository."),
    "history_shallow": (
        "Không có đầy đủ lịch sử biên tập: bản dựng lấy từ một bản sao nông (shallow clone) của kho git, "
        "chỉ gồm các commit gần nhất. Dưới đây là phần lịch sử có trong bản sao.",
        "The full editorial history is unavailable: this site was built from a shallow clone of the "
        "git repository, which holds only the latest commits. What follows is what the clone holds."),
    "history_uncommitted": ("Bản ghi này chưa được commit vào kho git.",
                            "This record is not yet committed to git."),
    "history_before_cut": ("chưa rõ — trước các commit có trong bản sao nông",
                           "unknown — before the commits the shallow clone holds"),
    "history_change_A": ("Thêm", "Added"),
    "history_change_M": ("Sửa", "Changed"),
    "history_change_D": ("Xóa", "Deleted"),
    "history_change_R": ("Đổi tên", "Renamed"),
    "recent_changes": ("Thay đổi gần đây", "Recent changes"),
    "impossible_time": ("thời điểm không có trên lịch", "a time no calendar holds"),
    "recent_intro": ("Các commit mới nhất của sổ đăng ký, mới nhất trước, cùng các bản ghi mỗi commit "
                     "đã thay đổi. Theo dõi bằng trình đọc tin:",
                     "The register's latest commits, newest first, with the records each changed. "
                     "Follow them in a feed reader:"),
    "recent_feed": ("nguồn tin Atom", "Atom feed"),
    "recent_none": ("Chưa có thay đổi nào.", "No changes yet."),
}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
ROMAN = ("I", "II", "III", "IV")


class Labels:
    """Labels in one language; `lang` is Material's `theme.language` (vi unless en)."""

    def __init__(self, lang: str = "vi"):
        self.lang = "en" if lang == "en" else "vi"
        self._index = 1 if self.lang == "en" else 0
        self._periods: dict = {}   # each period written once: a large register repeats them

    def __call__(self, key: str) -> str:
        return LABELS[key][self._index]

    def doc_type(self, type_id: str) -> str:
        names = DOCUMENT_TYPES.get(type_id)
        return names[self._index] if names else type_id

    def period(self, period) -> str:
        """A period as a reader writes it: 23/09/2019, tháng 9/2019, Quý I/2020, năm 2018."""
        if period is None:
            return self("unknown")
        # keyed by its fields: a tuple hashes and compares in C, the frozen dataclass's
        # __hash__ and __eq__ are Python calls on every lookup
        key = (period.year, period.quarter, period.month, period.day, period.upto)
        written = self._periods.get(key)
        if written is None:
            written = self._periods[key] = self._period(period)
        return written

    def _period(self, period) -> str:
        if period.upto is not None:  # "tháng 9/2019, không muộn hơn 18/09/2019"
            base = type(period)(period.year, period.quarter, period.month, period.day)
            if period.upto.end < base.end:
                return f"{self._period(base)}, {self('not_later_than')} {self._period(period.upto)}"
            return f"{self('between')} {self._period(base)} {self('and')} {self._period(period.upto)}"
        if self.lang == "en":
            if period.precision == "day":
                return period.start.isoformat()
            if period.precision == "month":
                return f"{MONTHS_EN[period.month - 1]} {period.year}"
            if period.precision == "quarter":
                return f"Q{period.quarter} {period.year}"
            return str(period.year)
        if period.precision == "day":
            return self.date(period.start)
        if period.precision == "month":
            return f"tháng {period.month}/{period.year}"
        if period.precision == "quarter":
            return f"Quý {ROMAN[period.quarter - 1]}/{period.year}"
        return f"năm {period.year}"

    def number(self, n: int) -> str:
        """A count as a reader writes it: 3.279 in Vietnamese, 3,279 in English."""
        written = f"{n:,}"
        return written if self.lang == "en" else written.replace(",", ".")

    def count(self, n: int, key: str) -> str:
        return self(key).format(n=self.number(n))

    def date(self, value) -> str:
        # dd/mm/yyyy as strftime("%d/%m/%Y") writes it (years are 1900-2100), without its cost
        return value.isoformat() if self.lang == "en" else f"{value.day:02d}/{value.month:02d}/{value.year}"
