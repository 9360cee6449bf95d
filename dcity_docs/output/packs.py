"""A venture's complete document pack: every applicable document in uk, en and bilingual, as DOCX
and PDF, one merged bilingual PDF with a cover sheet, and a manifest of SHA-256 hashes.

The pack is built in a hidden folder beside its destination and renamed into place at the end,
so an interrupted or failed run never leaves a half-made pack behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dcity_docs import __version__
from dcity_docs.language.langs import LANG_TAGS
from dcity_docs.language.typography import join_bilingual
from dcity_docs.pdf.merge import merge_pdfs
from dcity_docs.pdf.signature_fields import list_signature_fields
from dcity_docs.documents.registry import COVER
from dcity_docs.documents import site_annex
from dcity_docs.draft.base import Draft, Mode, Writer
from dcity_docs.errors import OutputError
from dcity_docs.files import WORK_MARKER, FolderLock, file_mode, folder_mode, refuse_link, staging_folder, write_atomic
from dcity_docs.layout.templates import template_file
from dcity_docs.output import pipeline
from dcity_docs.documents.registry import applicable
from dcity_docs.output.documents import MODES, draft_document, fixed_date, marking, planned, planned_issue
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.pipeline import Planned, converter_ready
from dcity_docs.record.models import Record
from dcity_docs.record.programme import bundled_programme_file
from dcity_docs.resources import templates_dir
from dcity_docs.wording.catalogs import Catalogs

COVER_TEMPLATE = COVER.template
MANIFEST = "manifest.json"
SOURCE_RECORD = "source/record.yaml"
"""The exact bytes of the record a pack was made from (JSON is YAML too), so that a later version
can be compared against the pack (``compare PACK NEW``)."""
SOURCE_PROGRAMME = "source/programme.yaml"
"""The programme file the pack was made with (its Ministry and default terms)."""


@dataclass
class PackFile:
    path: Path
    document: str
    language: str
    format: str
    marking: str = "public"
    copy: int | None = None
    """The number of a numbered copy (the restricted annex); None for every other file."""


@dataclass
class Pack:
    record: Record
    folder: Path
    files: list[PackFile] = field(default_factory=list)


def _tool_files(catalogs: Catalogs, templates: Path | None = None) -> list[tuple[str, Path]]:
    """Every file a pack is made from besides the record: the agreement templates (the user's where
    ``templates`` has them, see :func:`documents.template_file`) and catalogs."""
    bundled = templates_dir()
    files = []
    for p in sorted((bundled / "agreements").rglob("*.docx")):
        name = p.relative_to(bundled).as_posix()
        files.append((f"templates/{name}", template_file(name, templates) if templates is not None else p))
    files += [(f"locales/{p.relative_to(catalogs.root).as_posix()}", p)
              for p in sorted(catalogs.root.glob("*/LC_MESSAGES/*.po"))]
    return files


def inputs_sha256(record_bytes: bytes, options: OutputOptions | None = None) -> str:
    """SHA-256 of everything a pack is made from: the record's bytes, the programme file (its
    Ministry and default terms), every agreement template, the .po catalogs, the dcity-docs version
    and the output options. Two packs with the same hash
    are the same pack, so a batch can skip one whose hash has not changed."""
    options = options or OutputOptions()
    digest = hashlib.sha256()
    digest.update(f"dcity-docs {__version__}\n".encode())
    chosen: dict[str, object] = {"formats": sorted(set(options.formats)), "pdfa": bool(options.pdfa),
                                 "signature_fields": bool(options.signature_fields)}
    if options.without_restricted:  # only when asked: the hash of every other pack stays as it was
        chosen["without_restricted"] = True
    digest.update(json.dumps(chosen, sort_keys=True).encode() + b"\n")
    for name, path in _tool_files(options.wording, options.templates):
        file_hash = catalog_sha256(path) if path.suffix == ".po" else sha256_file(path)
        digest.update(f"{name} {file_hash}\n".encode())
    programme = options.programme or bundled_programme_file()
    digest.update(f"programme {sha256_file(programme)}\n".encode())
    digest.update(f"record {hashlib.sha256(record_bytes).hexdigest()}\n".encode())
    return digest.hexdigest()


def catalog_sha256(path: Path) -> str:
    """SHA-256 of a .po file less its source references (``#:`` lines): they say where a message
    stands in the code, which moves with every edit of a module and changes no document."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for line in fh:
            if not line.startswith(b"#:"):
                digest.update(line)
    return digest.hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class PackJob:
    """A pack between its phases: DOCX rendered in a hidden folder, PDFs still to convert.

    Batches prepare many jobs, convert all their DOCX files in as few LibreOffice calls as they
    like, then finish each job; :func:`build_pack` does the three phases for one record.
    """

    record: Record
    record_bytes: bytes
    final: Path
    work: Path
    options: OutputOptions
    keys: list[str]
    drafts: dict[str, Draft]
    cover_draft: Draft
    documents: list[tuple[Planned, str, Mode]]  # each file, with its document key and language
    cover: Planned
    docx_files: list[Path]  # the documents' DOCX files in the work folder, then the cover's
    inputs_sha256: str = ""

    @property
    def formats(self) -> tuple[str, ...]:
        return self.options.formats

    @property
    def conversion_inputs(self) -> list[Path]:
        return list(self.docx_files) if self.options.pdf else []

    @property
    def restricted_inputs(self) -> list[Path]:
        """The DOCX files of the restricted documents (see :func:`pipeline.convert`)."""
        return [docx for docx, (item, _, _) in zip(self.docx_files, self.documents) if item.restricted]

    @property
    def merged(self) -> list[str]:
        """The documents the merged pack holds: all, or all but the restricted ones."""
        return merged_keys(self.record, self.keys, self.options)

    @property
    def marking(self) -> str:
        """The merged pack's classification: the highest of the documents it holds."""
        return pipeline.highest([item.marking for item, key, _ in self.documents if key in self.merged])

    @property
    def private(self) -> bool:
        """The pack holds a restricted document: its folder is 0700."""
        return any(item.restricted for item, _, _ in self.documents)

    def abort(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def merged_keys(record: Record, keys: list[str], options: OutputOptions) -> list[str]:
    """The documents of ``keys`` the merged pack holds: all, or with ``without_restricted`` all
    but the restricted ones (issued separately, as the cover says)."""
    if not options.without_restricted:
        return list(keys)
    return [k for k in keys if not pipeline.is_restricted(marking(record, k))]


def prepare_pack(record: Record, out_dir: Path, *, record_bytes: bytes,
                 options: OutputOptions | None = None) -> PackJob:
    """Phase 1: draft every applicable document and write its DOCX files into a hidden folder."""
    options = options or OutputOptions()
    digest = inputs_sha256(record_bytes, options)
    work = staging_folder(out_dir, record.id)
    try:
        keys = applicable(record)
        drafts = {key: draft_document(record, key, options.wording) for key in keys}
        merged = merged_keys(record, keys, options)
        cover_draft = COVER.draft(record, options.wording, [drafts[k].title for k in merged],
                                  [drafts[k].title for k in keys if k not in merged])
        # The merged pack holds each document's bilingual file: of a numbered annex, copy No. 1.
        documents = [(item, key, item.info["mode"]) for key in keys
                     for item in planned_issue(record, key, drafts[key], MODES, options, keep_open=_merged_file)]
        cover_item = planned(record, COVER.key, cover_draft, "bilingual", options, template=COVER_TEMPLATE,
                             keep_open=True)
        docx_files = pipeline.write_docx([item for item, _, _ in documents] + [cover_item], work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return PackJob(record, record_bytes, out_dir / record.id, work, options, keys, drafts, cover_draft,
                   documents, cover_item, docx_files, digest)


def _merged_file(draft: Draft, mode: str) -> bool:
    """The file of a document the merged pack holds: bilingual, and of numbered copies No. 1."""
    return mode == "bilingual" and draft.copy in (None, 1)


def finish_pack(job: PackJob, pdf_paths: list[Path] | None = None) -> Pack:
    """Phase 3: finish the PDFs, merge the pack, write the manifest, rename into place."""
    try:
        pack = _finish_into(job, pdf_paths or [])
        _swap_into_place(job.work, job.final, private=job.private)
    except BaseException:
        job.abort()
        raise
    pack.folder = job.final
    for item in pack.files:
        item.path = job.final / item.path.name
    return pack


def build_pack(record: Record, out_dir: Path, *, record_bytes: bytes,
               options: OutputOptions | None = None) -> Pack:
    """Make ``out_dir/{id}/`` for one record; replaces an older pack only once the new one is whole."""
    with converter_ready(options or OutputOptions()) as options, \
            FolderLock(out_dir, shared=True):  # LibreOffice starts while we draft; never with a batch
        job = prepare_pack(record, out_dir, record_bytes=record_bytes, options=options)
        try:
            pdf_paths = pipeline.convert(job.conversion_inputs, job.work, options, restricted=job.restricted_inputs)
        except BaseException:
            job.abort()
            raise
        return finish_pack(job, pdf_paths)


def _finish_into(job: PackJob, pdf_paths: list[Path]) -> Pack:
    record, work = job.record, job.work
    pack = Pack(record, work)
    documents_docx, cover_docx = job.docx_files[:-1], job.docx_files[-1]
    if job.options.pdf:
        by_stem = {p.stem: p for p in pdf_paths}
        # The bilingual documents and the cover go into the merged pack: kept open once finished,
        # so the merge need not read them again.
        opened: dict[str, Any] = {}
        try:
            for (item, key, mode), docx in zip(job.documents, documents_docx, strict=True):
                pdf = by_stem[docx.stem]
                doc = pipeline.finish(pdf, item)
                if doc is not None:
                    opened[key] = doc
                pack.files.append(PackFile(pdf, key, mode, "pdf", item.marking, item.copy))
            cover_pdf = by_stem[cover_docx.stem]
            opened["cover"] = pipeline.finish(cover_pdf, job.cover)
            parts = [(job.cover_draft.title.joined(), opened["cover"])] + [
                (job.drafts[k].title.joined(), opened[k]) for k in job.merged
            ]
            merged = work / f"{record.id}_pack.pdf"
            level = job.marking
            marking = pack_marking(record, level, job.options.wording)
            merge_pdfs(
                parts,
                merged,
                title=f"{record.id}: {job.cover_draft.subject.joined()}",
                subject=job.cover_draft.title.joined(),
                author=join_bilingual(record.ministry.name.uk, record.ministry.name.en, one_if_same=False),
                language=LANG_TAGS["uk"],
                keywords="Defence City" if marking is None else f"Defence City; {marking}",
                fixed_date=fixed_date(record),
                marking=marking,
                classification=None if marking is None else level,
            )
        finally:
            for doc in opened.values():
                doc.close()
        os.chmod(merged, file_mode(pipeline.is_restricted(job.marking)))  # holds the annex's pages?
        pack.files.append(PackFile(merged, "pack", "bilingual", "pdf", job.marking))
        cover_pdf.unlink()
    cover_docx.unlink()
    if job.options.docx:
        pack.files[:0] = [PackFile(p, key, mode, "docx", item.marking, item.copy)
                          for p, (item, key, mode) in zip(documents_docx, job.documents)]
    else:
        for p in documents_docx:
            p.unlink()
    programme = (job.options.programme or bundled_programme_file()).read_bytes()
    (work / "source").mkdir(mode=folder_mode(job.private))
    write_atomic(work / SOURCE_RECORD, job.record_bytes, private=job.private)
    write_atomic(work / SOURCE_PROGRAMME, programme, private=job.private)
    write_atomic(work / MANIFEST, manifest_bytes(pack, job.record_bytes, job.inputs_sha256 or None, programme))
    return pack


def pack_marking(record: Record, level: str, catalogs: Catalogs) -> str | None:
    """The marking a merged pack of this classification prints on every page, in both languages
    («Для службового користування / RESTRICTED»); None for a public one."""
    if not pipeline.is_restricted(level):
        return None
    grade = site_annex.grade(Writer(catalogs, site_annex.KEY), record)
    return None if grade is None else join_bilingual(grade.uk, grade.en, one_if_same=False)


def manifest(pack: Pack, record_bytes: bytes, inputs_sha256: str | None = None,
             programme: bytes | None = None) -> dict[str, Any]:
    """Every file with its hash and size; no clock time, so two runs compare equal.

    ``inputs_sha256`` (see :func:`inputs_sha256`) tells a later batch whether the pack is current.
    ``programme``: the programme file's bytes, kept with the record's in ``source/``.
    """
    files = []
    for item in sorted(pack.files, key=lambda f: f.path.name):
        files.append(
            {
                "file": item.path.name,
                "document": item.document,
                "language": item.language,
                "format": item.format,
                "marking": item.marking,
                **({"copy": item.copy} if item.copy is not None else {}),
                "size": item.path.stat().st_size,
                "sha256": sha256_file(item.path),
                **({"signature_fields": [field.name for field in list_signature_fields(item.path)]}
                   if item.format == "pdf" else {}),
            }
        )
    out: dict[str, Any] = {
        "id": pack.record.id,
        "stage": pack.record.stage,
        "record_sha256": hashlib.sha256(record_bytes).hexdigest(),
    }
    if inputs_sha256:
        out["inputs_sha256"] = inputs_sha256
    if programme is not None:
        out["source"] = {"record": SOURCE_RECORD, "record_sha256": out["record_sha256"],
                         "programme": SOURCE_PROGRAMME,
                         "programme_sha256": hashlib.sha256(programme).hexdigest()}
    out["generator"] = f"dcity-docs {__version__}"
    out["files"] = files
    return out


def manifest_bytes(pack: Pack, record_bytes: bytes, inputs_sha256: str | None = None,
                   programme: bytes | None = None) -> bytes:
    data = manifest(pack, record_bytes, inputs_sha256, programme)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _swap_into_place(work: Path, final: Path, *, private: bool = False) -> None:
    """Rename the finished pack into place; an older pack is removed only after that succeeds.
    ``private``: it holds a restricted document, the folder is 0700 (else the user's umask)."""
    old: Path | None = None
    refuse_link(final)
    try:
        if final.exists():
            old = final.with_name(f".{final.name}.old-{os.getpid()}")
            os.replace(final, old)
        os.replace(work, final)
        (final / WORK_MARKER).unlink(missing_ok=True)  # a pack now, no longer a work folder
        os.chmod(final, folder_mode(private))
    except OSError as exc:
        if old is not None and not final.exists():
            os.replace(old, final)
        raise OutputError(f"cannot put the pack in place at {final}: {exc.strerror}") from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
