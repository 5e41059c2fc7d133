"""The README.txt of a bundle: how to check it, in English and in Chinese, for whoever receives it."""

from __future__ import annotations

README = """\
dueprocess evidence bundle / dueprocess 证据包
=============================================

Chain / 记录链:        {subject} ({chain})
Events / 事件数:       {head_sequence}
Last hash / 最后哈希:  {head_hash}
Created / 生成时间:    {created_at}
Signing key / 签名密钥 (Ed25519, SHA-256 fingerprint / 指纹):
    {fingerprint}

ENGLISH

This bundle is an export of an append-only, hash-chained record. It holds:
  events.jsonl      every event, one per line, in canonical JSON (RFC 8785)
  documents/        every document the events hold, each named by the SHA-256 of its bytes
  timeline.pdf      the events in order, with an index of exhibits (documents)
  manifest.json     every file's SHA-256 and size, the chain's last event, the public key, and an
                    Ed25519 signature over the manifest (its canonical JSON, without "signature")
  SHA256SUMS        the same file hashes, in the format of the sha256sum tool
  verify_bundle.py  a checker that needs only Python 3.9 or later (no other software)

To check the files with standard tools, unzip the bundle and, in its folder, run
    sha256sum -c SHA256SUMS                 (Linux)
    shasum -a 256 -c SHA256SUMS             (macOS)
    Get-FileHash -Algorithm SHA256 <file>   (Windows PowerShell; compare with SHA256SUMS)
Every line must say OK. To check everything — the file hashes, the signature, and that each event's
hash is SHA-256 over the previous event's hash (64 hex digits) followed by the canonical JSON of the
event's fields other than "hash" and "prev_hash" — run, without unzipping:
    python3 verify_bundle.py {bundle_name}
It prints the signing key's fingerprint; check that it is the one above and the one the organisation
published. A change to any byte of any file makes the check fail and name that file.

中文

本证据包导出自一份只可追加、以哈希链相连的记录，内含：
  events.jsonl      全部事件，每行一条，采用规范化 JSON（RFC 8785）
  documents/        事件所引用的全部文件，文件名即其内容的 SHA-256 值
  timeline.pdf      按时间顺序排列的事件，附证据（文件）索引
  manifest.json     每个文件的 SHA-256 值与大小、记录链的最后一个事件、公钥，以及对清单
                    （去掉 "signature" 字段后的规范化 JSON）所作的 Ed25519 签名
  SHA256SUMS        同样的文件哈希值，采用 sha256sum 工具的格式
  verify_bundle.py  校验程序，只需 Python 3.9 或更高版本，无需其他软件

用标准工具核对文件：解压后在其目录中运行
    sha256sum -c SHA256SUMS                 （Linux）
    shasum -a 256 -c SHA256SUMS             （macOS）
    Get-FileHash -Algorithm SHA256 <文件>    （Windows PowerShell，与 SHA256SUMS 对照）
每一行都应显示 OK。如需全面校验——文件哈希、签名，以及每个事件的哈希是否等于对"前一事件的哈希
（64 位十六进制）+ 本事件除 "hash" 与 "prev_hash" 以外字段的规范化 JSON"计算所得的 SHA-256——
无需解压，直接运行：
    python3 verify_bundle.py {bundle_name}
程序会显示签名密钥的指纹，请核对它与上方及机构公布的指纹一致。任何文件的任何一个字节被改动，
校验都会失败，并指出是哪个文件。
"""


def readme(*, subject: str, chain: str, head_sequence: int, head_hash: str, created_at: str,
           fingerprint: str, bundle_name: str) -> bytes:  # fmt: skip
    return README.format(
        subject=subject, chain=chain, head_sequence=head_sequence, head_hash=head_hash,
        created_at=created_at, fingerprint=fingerprint, bundle_name=bundle_name,
    ).encode("utf-8")  # fmt: skip
