"""What lets `register serve` rebuild only what changed (generator/faces/staging.py): a generated
file whose content is the same as in the last complete build is not marked changed, a build
that failed midway leaves every file to be written again, and every file comes back byte for
byte, Vietnamese included."""
from __future__ import annotations

from generator.faces.staging import Staging


def test_only_files_whose_content_changed_since_the_last_build_are_marked_changed():
    stage = Staging()
    stage.begin()
    first = [stage.pack(path, text) for path, text in [
        ("nhiem-vu/a.md", "# Nhiệm vụ A\n"), ("van-ban/2019/8540-tb-vpcp.md", "# Thông báo 8540\n")]]
    assert all(p.changed for p in first)  # a first build writes everything
    stage.end()

    stage.begin()
    kept = stage.pack("nhiem-vu/a.md", "# Nhiệm vụ A\n")
    edited = stage.pack("van-ban/2019/8540-tb-vpcp.md", "# Thông báo 8540 (đã sửa)\n")
    added = stage.pack("co-quan/moi.md", "# Cơ quan mới\n")
    assert not kept.changed and edited.changed and added.changed
    assert edited.unpack().decode("utf-8") == "# Thông báo 8540 (đã sửa)\n"
    assert kept.unpack().decode("utf-8") == "# Nhiệm vụ A\n"  # its bytes kept, not compressed again
    assert stage.changed("index.md#summary", "12 văn bản")
    stage.end()

    stage.begin()   # a page dropped in between is new again when it comes back
    stage.pack("nhiem-vu/a.md", "# Nhiệm vụ A\n")
    assert not stage.changed("index.md#summary", "12 văn bản")
    stage.end()
    stage.begin()
    assert not stage.pack("nhiem-vu/a.md", "# Nhiệm vụ A\n").changed
    assert stage.pack("co-quan/moi.md", "# Cơ quan mới\n").changed


def test_after_a_build_that_failed_midway_every_file_is_written_again():
    stage = Staging()
    stage.begin()
    stage.pack("nhiem-vu/a.md", "# Nhiệm vụ A\n")
    stage.end()
    stage.begin()   # this build stages the edited page, then fails before MkDocs writes it
    stage.pack("nhiem-vu/a.md", "# Nhiệm vụ A (đã sửa)\n")
    stage.begin()   # the next build stages the same edit: the page written is still the old one
    assert stage.pack("nhiem-vu/a.md", "# Nhiệm vụ A (đã sửa)\n").changed


def test_open_data_bytes_come_back_unchanged():
    stage = Staging()
    stage.begin()
    data = "Đề án 06, “Trục liên thông”\n".encode("utf-8") * 1000 + bytes(range(256))
    packed = stage.pack("du-lieu/register.json", data)
    assert packed.unpack() == data
    assert len(packed.data) < len(data) // 10
