"""Texts of signatures: `sign`, `trail`, `lint --trail`, `lint --against`, and git itself."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # git
    "git.missing": (
        "找不到 git(未安装,或不在 PATH 中);签字与追溯需要 git",
        "git is not installed (or not on PATH); signatures need git",
    ),
    "git.not_repo": (
        "{folder} 不在 git 仓库中;先运行 `git init` 并提交工作区,签字才能记录为提交",
        "{folder} is not inside a git repository; run `git init` and commit the workspace, "
        "so that signatures can be commits",
    ),
    "git.failed": ("git {command} 失败:{detail}", "git {command} failed: {detail}"),
    "git.no_identity": (
        "git 不知道你是谁:用 `git config user.name` 和 `git config user.email` 设置作者身份",
        "git does not know who you are: set `git config user.name` and `git config user.email`",
    ),
    # roles and verdicts
    "role.requester": ("需求方", "requester"),
    "role.receiver": ("承接方", "receiver"),
    "role.owner": ("负责人", "owner"),
    "role.acceptor": ("验收人", "acceptor"),
    "verdict.good": ("签名有效", "good"),
    "verdict.bad": ("签名无效", "bad"),
    "verdict.none": ("未加密签名", "none"),
    "verdict.unknown": ("密钥未知", "unknown key"),
    # collab sign
    "sign.no_roles": (
        "{id} 是{kind}记录,没有需要签字的角色(需求、会议行动项、协作验收才签字)",
        "{id} is a {kind}: nothing in it is signed (requirements, meeting actions and "
        "collaboration acceptances are)",
    ),
    "sign.bad_role": (
        "{id} 没有角色 {role};可用的角色:{roles}",
        "{id} has no role {role}; its roles are {roles}",
    ),
    "sign.name_action": (
        "会议的签字针对行动项:写成 {id}/A1 --role owner",
        "a meeting's signatures are its actions': name one, e.g. {id}/A1 --role owner",
    ),
    "sign.no_action": ("{id} 没有行动项 {item}", "{id} has no action {item}"),
    "sign.no_items": (
        "{id} 的签字针对整条记录,不针对 {item}",
        "{id} is signed as a whole, not its item {item}",
    ),
    "sign.no_acceptance": (
        "{id} 还没有验收结果:先填写 acceptance(result、by),再由验收人签字",
        "{id} has no acceptance yet: record acceptance (result, by) first, then the acceptor signs",
    ),
    "sign.no_person": (
        "{ref} 没有写明 {role} 是谁,无法签字",
        "{ref} does not name its {role}: nobody can sign for the role",
    ),
    "sign.no_email": (
        "collab.yaml 的 people 中 {person} 没有 email,无法核对 {ref} 以 {role} 角色签字的人;"
        "请补上 email(或用 --force 签字,lint --trail 仍会标出)",
        "{person} has no email in people of collab.yaml, so the signer of {ref} as {role} "
        "cannot be checked: add it (or sign with --force; lint --trail will flag it)",
    ),
    "sign.wrong_author": (
        "git 会把本次提交的作者记为 {author},但 {ref} 应由 {person} <{email}> 以 {role} "
        "角色签字:请由本人签字(用其 git user.email),或用 --force(lint --trail 仍会标出)",
        "git would record {author} as the author, but {person} <{email}> signs {ref} as "
        "{role}: sign as them (their git user.email), or use --force (lint --trail will flag "
        "it)",
    ),
    "sign.untracked": (
        "{file} 还没有提交:先提交它(git add {file} && git commit),再签字",
        "{file} is not committed yet: commit it first (git add {file} && git commit), then sign",
    ),
    "sign.dirty": (
        "{file} 有未提交的改动:先提交或暂存起来(git commit / git stash),签字只确认已提交的内容",
        "{file} has uncommitted edits: commit them or put them aside (git commit / git stash) "
        "first; a signature covers only what was committed",
    ),
    "sign.no_commit": (
        "仓库还没有任何提交:先提交工作区(git add -A && git commit -m 初始化),再签字",
        "the repository has no commit yet: commit the workspace first "
        "(git add -A && git commit -m 'collab workspace'), then sign",
    ),
    "sign.commit_failed": ("签字提交失败:{detail}", "the signing commit failed: {detail}"),
    "sign.subject": ("{ref} 确认签字:{role} {person}", "{ref}: signed by {person} as {role}"),
    "sign.done": (
        "{ref}: {person} 以{role}身份签字,提交 {commit}",
        "{ref}: {person} signed as {role}, commit {commit}",
    ),
    "sign.crypto": ("该提交已加密签名", "the commit carries a cryptographic signature"),
    "sign.change": ("{ref}: {field} {old} → {new}", "{ref}: {field} {old} → {new}"),
    "sign.forced": (
        "collab: 警告:提交作者 {author} 不是 {person} <{email}>(--force);lint --trail 会标出",
        "collab: warning: the author {author} is not {person} <{email}> (--force); "
        "lint --trail will flag it",
    ),
    # collab trail
    "col.commit": ("提交", "commit"),
    "col.author": ("作者", "author"),
    "col.email": ("邮箱", "email"),
    "col.date": ("时间", "date"),
    "col.role": ("签字角色", "signed as"),
    "col.verdict": ("git 验证", "git verdict"),
    "trail.count": ("共 {n} 次提交", "{n} commit{s}"),
    "trail.none": ("{ref} 还没有任何提交", "no commit has touched {ref} yet"),
    # collab lint --trail
    "trail.unsigned": (
        "{ref} 的状态为 {status},但{role_label} {person} 尚未签字:"
        "运行 `collab sign {ref} --role {role}`",
        "{ref} claims status {status} but {person} ({role_label}) has not signed: run "
        "`collab sign {ref} --role {role}`",
    ),
    "trail.no_email": (
        "{ref} 的{role_label} {person} 在 collab.yaml 的 people 中没有 email,无法核对签字",
        "{person} ({role_label} of {ref}) has no email in people of collab.yaml: the signature "
        "cannot be checked",
    ),
    "trail.author": (
        "{ref} 的{role_label}签字提交 {commit} 由 {author} 作出,不是 {person} <{email}>;"
        "请 {person} 本人运行 `collab sign {ref} --role {role}`",
        "the {role_label} signature of {ref} (commit {commit}) was made by {author}, not by "
        "{person} <{email}>: {person} should run `collab sign {ref} --role {role}`",
    ),
    "trail.unreadable": (
        "{ref} 的{role_label} {person} 签字的版本(提交 {commit})无法读取或比较,请重新签字",
        "the version of {ref} that {person} signed as {role_label} (commit {commit}) cannot be "
        "read to compare: sign again",
    ),
    "trail.changed": (
        "{ref} 在{role_label} {person} 签字(提交 {commit})之后改动了 {fields}:"
        "需重新签字 `collab sign {ref} --role {role}`",
        "{ref} changed after {person} signed as {role_label} (commit {commit}): {fields}; sign "
        "again with `collab sign {ref} --role {role}`",
    ),
    "trail.unverified": (
        "{ref} 的{role_label} {person} 签字提交 {commit} 未通过 git 的签名验证({verdict})",
        "git does not verify the signature of commit {commit} ({person} as {role_label} of "
        "{ref}): {verdict}",
    ),
    "trail.other_key": (
        "{ref} 的{role_label}签字提交 {commit} 使用的是 {signer} 的密钥,不是 {person} <{email}> 的",
        "commit {commit} ({person} as {role_label} of {ref}) is signed with the key of "
        "{signer}, not of {person} <{email}>",
    ),
    # collab lint --against
    "against.clash": (
        "{id} 自分叉点 {base} 以来在 {ref} 上也被新增,但那是另一条记录({theirs}):"
        "合并前运行 `collab renumber {id}` 为本分支的这条记录换一个编号",
        "{id} was also added on {ref} since the merge base {base}, for a different record "
        "({theirs}): before merging, give this one a new id with `collab renumber {id}`",
    ),
    "against.bad_ref": (
        "--against:{ref} 不是本仓库中的分支、标签或提交",
        "--against: {ref} is not a branch, tag or commit of this repository",
    ),
    "against.no_commit": (
        "--against:仓库还没有任何提交",
        "--against: the repository has no commit yet",
    ),
    "against.no_base": (
        "--against:当前分支与 {ref} 没有共同的历史(没有合并基点)",
        "--against: this branch and {ref} share no history (no merge base)",
    ),
}
