"""Write a synthetic collab workspace of N realistic records (default 10,000).

    python benchmarks/generate.py DIR [--records N] [--seed S]

Every kind of SPEC §3 (requirement, meeting, issue, collaboration, customer-request, notice),
ids and file names as `collab new` makes them (`<PREFIX>-<YEAR>-<SEQ>`, numbered per prefix and
year in date order), Chinese text, YAML comments, 1–3 KB a file. Everyone named is in the
generated `collab.yaml`. Records span 2024-01 to mid-June 2025; measured at `NOW` (below):

- most records met every deadline on time (older ones are finished, recent ones in progress,
  with deadlines still ahead: `collab due` has something to show);
- a share (`--overdue`, 10 %) has something overdue at `NOW` (an open action item, minutes not
  sent, a pending question unanswered, a proposal without feedback, ...);
- a share (`--late`, 2 %) met a deadline late (a lint *warning*, like a real workspace);
- a few (`--drafts`, 0.5 %) are unfinished drafts (a lint *info*).

Nothing generated is a lint *error*: `collab lint` on the result exits 0. The same seed and
N give byte-identical files. The only library used is `holidays` (a collab dependency), to put
events on working days.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays

NOW = datetime(2025, 6, 16, 9, 0)  # a Monday morning, Asia/Shanghai
NOW_ISO = "2025-06-16T09:00:00+08:00"
START = datetime(2024, 1, 2, 9, 0)


def words(text: str) -> list[str]:
    return text.split()


DEPARTMENTS = words("市场部 运营部 技术部 产品部 设计部 客服部 销售部 生产部 研发部 财务部")
# department -> "name pinyin title" for each person; emails are pinyin@example.com
_PEOPLE = {
    "市场部": "张伟 zhangwei 经理, 刘洋 liuyang 专员, 高静 gaojing 专员, 罗斌 luobin 主管",
    "运营部": "李娜 lina 经理, 周敏 zhoumin 专员, 胡晓 huxiao 专员, 梁爽 liangshuang 主管",
    "技术部": "王强 wangqiang 经理, 赵磊 zhaolei 主管, 孙浩 sunhao 工程师, "
    "吴鹏 wupeng 工程师, 何俊 hejun 工程师",
    "产品部": "陈晨 chenchen 经理, 杨帆 yangfan 专员, 宋佳 songjia 专员",
    "设计部": "黄丽 huangli 主管, 谢婉 xiewan 设计师, 韩雪 hanxue 设计师",
    "客服部": "徐婷 xuting 主管, 马超 machao 专员, 唐悦 tangyue 专员",
    "销售部": "王芳 wangfang 经理, 郑凯 zhengkai 主管, 冯涛 fengtao 专员, 曹颖 caoying 专员",
    "生产部": "邓刚 denggang 经理, 许峰 xufeng 主管, 彭程 pengcheng 专员",
    "研发部": "曾毅 zengyi 经理, 萧然 xiaoran 工程师, 田野 tianye 工程师",
    "财务部": "林静 linjing 专员, 潘悦 panyue 经理",
}
PEOPLE: dict[str, list[tuple[str, str, str]]] = {
    dept: [(p.split()[0], p.split()[1], p.split()[2]) for p in text.split(", ")]
    for dept, text in _PEOPLE.items()
}
PREFIX = {
    "requirement": "RW",
    "meeting": "HY",
    "issue": "WT",
    "collaboration": "XZ",
    "customer-request": "KH",
    "notice": "TZ",
}
FOLDER = {
    "requirement": "requirements",
    "meeting": "meetings",
    "issue": "issues",
    "collaboration": "collaborations",
    "customer-request": "customer-requests",
    "notice": "notices",
}
MIX = [
    ("meeting", 22),
    ("requirement", 18),
    ("issue", 18),
    ("collaboration", 15),
    ("customer-request", 15),
    ("notice", 12),
]

CALENDAR = holidays.country_holidays("CN", years=range(2023, 2027))

# --- text material (templates: {n} {m} {d} numbers, {p} a product, {t} a topic) ---------------

PRODUCTS = words(
    "会员小程序 智能客服系统 订单中心 新品X3 积分商城 直播带货频道 供应链看板 APP6.0 "
    "企业微信SCRM 门店收银系统 数据中台 售后工单系统 夏季新品 双十一大促 年货节 品牌官网 "
    "电子发票 物流追踪页"
)
TOPICS = words(
    "复购活动 上线排期 宣传素材 接口改造 性能优化 用户调研 渠道拓展 客服培训 数据看板 "
    "价格调整 库存盘点 合同续签 预算复核 体验优化 灰度发布 安全加固"
)
REASONS = words(
    "用户复购率同比下降{n}% 相关投诉占比升至{n}% 竞品在{m}月集中上新 "
    "转化率连续{n}周低于目标 客户续约率下降{n}个百分点 页面平均加载时间超过{n}秒 "
    "库存周转天数增加{n}天 {m}月大促期间订单量预计增长{n}0%"
)
GOALS = words(
    "{d}天内复购率提升至1{n}% 平均响应时间降至{n}分钟以内 投诉量下降{n}0% "
    "新增付费用户{n}000人 订单查询页加载时间降至1秒以内 活动期间GMV同比增长{n}% "
    "客户满意度提升至9{n}% 交付周期缩短{n}天"
)
TASKS = words(
    "输出{p}{t}方案 完成{p}接口联调 整理{t}用户反馈并分类 提交{p}上线回滚预案 "
    "编写{p}常见问题与话术 确认{t}预算与排期 完成{p}测试报告 发布{t}活动页面 "
    "组织{p}客服培训 更新{t}数据看板 与客户确认{p}验收标准 复核{t}成本测算"
)
DELIVERABLES = words(
    "《{p}{t}方案》 《{p}测试报告》 《{t}排期表》 《{p}上线回滚预案》及演练记录 "
    "《{p}FAQ》与培训签到表 《{t}复盘报告》 《{p}需求规格说明书》 《{t}数据周报》"
)
DECISIONS = words(
    "{m}月{d}日灰度上线,无重大问题一周后全量 {t}预算按线上70%、线下30%分配 "
    "{p}由技术部负责回滚预案,上线当天安排值班 {t}延后一周,先完成数据口径统一 "
    "客服部在上线前完成{p}话术培训 {p}范围冻结,新增需求进入下一迭代"
)
STATUS_QUO = words(
    "核心功能已完成开发,测试通过率9{n}% 当前排期落后{n}天,主要卡在联调环节 "
    "{t}已完成小批量试点,反馈整体正面 相关数据口径在三个部门之间不一致"
)
ANALYSES = words(
    "剩余缺陷集中在支付与消息推送两个模块 资源冲突来自同期的{t}项目 "
    "外部接口文档不完整,返工风险较高 线上投放转化率高于线下物料,但门店需要基础陈列"
)
ISSUES = words(
    "APP支付失败率上升 {p}登录超时 {p}数据同步延迟 门店收银机批量离线 短信验证码发送失败 "
    "订单状态长时间不更新 {p}页面白屏 客服热线排队超时 发票开具失败 物流轨迹缺失"
)
CAUSES = words(
    "连接池配置在版本发布中被误改,高峰期连接耗尽 第三方服务商接口限流,未做降级 "
    "缓存过期策略错误导致瞬时回源压力过大 证书过期未及时续期 数据库慢查询拖垮主库"
)
CUSTOMERS = words("A科技公司 B制造企业 C连锁零售 D物流集团 E教育集团 F医疗器械 G地产 H餐饮连锁")
CHANNELS = words("电话 微信 邮件 会议 企业微信")
LOCATIONS = words("总部3楼301会议室 总部5楼大会议室 研发中心2楼A03 华东分公司会议室")
PROGRESS = words("进展顺利 已同步相关部门 存在风险已上报 按计划推进")


def fill(rng: random.Random, template: str) -> str:
    return template.format(
        n=rng.randint(2, 9),
        m=rng.randint(1, 12),
        d=rng.randint(7, 30),
        p=rng.choice(PRODUCTS),
        t=rng.choice(TOPICS),
    )


def pick(rng: random.Random, pool: list[str]) -> str:
    return fill(rng, rng.choice(pool))


def t(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def d(moment: datetime | date) -> str:
    return moment.strftime("%Y-%m-%d")


def working(day: date) -> bool:
    return bool(CALENDAR.is_working_day(day))


def workday_at(moment: datetime, hour: int, minute: int = 0) -> datetime:
    """The first working day on or after `moment`'s day, at hour:minute."""
    day = moment.date()
    while not working(day):
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, minute)


def plus_wd(moment: datetime, n: int, hour: int = 17) -> datetime:
    """A moment safely before `n` working days from `moment`: its day + n calendar days is never
    later than the close of the n-th working day after it."""
    day = moment.date() + timedelta(days=n)
    return datetime(day.year, day.month, day.day, hour, 0)


def workday_before(moment: datetime, hour: int) -> datetime:
    """The last working day on or before `moment`'s day, at hour:00."""
    day = moment.date()
    while not working(day):
        day -= timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, 0)


def done_by(due: datetime, earliest: datetime, rng: random.Random) -> datetime:
    """When an item with deadline `due` (a date) was done on time, not before `earliest`."""
    done = workday_before(due - timedelta(days=rng.randint(0, 3)), rng.choice([11, 16, 17]))
    return max(done, earliest)


def block(text_lines: list[str], indent: str = "  ") -> str:
    return "|\n" + "".join(f"{indent}{line}\n" for line in text_lines)


# --- one record ------------------------------------------------------------------------------


@dataclass
class Spec:
    kind: str
    id: str
    t0: datetime  # when the record starts (creation, meeting, report, request ...)
    fate: str  # normal | overdue | late | draft
    links: list[str]


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self, dept: str | None = None) -> str:
        dept = dept or self.rng.choice(DEPARTMENTS)
        return self.rng.choice(PEOPLE[dept])[0]

    def two_departments(self) -> tuple[str, str]:
        a, b = self.rng.sample(DEPARTMENTS, 2)
        return a, b

    def links(self, spec: Spec) -> str:
        return f"links: [{', '.join(spec.links)}]\n" if spec.links else ""

    def progress_lines(self, start: datetime, end: datetime, indent: str, step_days: int) -> str:
        """Weekly-ish progress notes on working days between start and end."""
        out, moment, percent = [], start, 0
        while True:
            moment = workday_at(moment + timedelta(days=step_days), 16)
            if moment >= end:
                break
            percent = min(95, percent + self.rng.randint(5, 20))
            out.append(
                f"{indent}- at: {t(moment)}\n{indent}  note: {pick(self.rng, TASKS)},"
                f"{self.rng.choice(PROGRESS)}\n"
                f"{indent}  percent: {percent}\n"
            )
        return "".join(out)

    # requirement — 需求沟通与确认表 -----------------------------------------------------------
    def requirement(self, s: Spec) -> str:
        rng = self.rng
        req_d, rec_d = self.two_departments()
        sent = workday_at(s.t0, rng.choice([9, 10, 11, 14, 15]), rng.choice([0, 30]))
        age = (NOW - sent).days
        due = sent + timedelta(days=rng.randint(20, 60))
        desc = [f"- {pick(rng, TASKS)}" for _ in range(rng.randint(2, 5))]
        head = (
            f"# 需求沟通与确认表 —— {req_d}向{rec_d}提出的需求\n"
            f"kind: requirement\nid: {s.id}\ntitle: {rng.choice(PRODUCTS)}{rng.choice(TOPICS)}\n"
            f"requester:                # 需求方\n  department: {req_d}\n"
            f"  lead: {self.person(req_d)}\n"
            f"receiver:                 # 承接方\n  department: {rec_d}\n"
            f"  lead: {self.person(rec_d)}\n"
            f"background: {pick(rng, REASONS)}\n"
            f"goal: {pick(rng, GOALS)}   # 可衡量的结果\n"
            f"description:\n" + "".join(f"  {x}\n" for x in desc)
        )
        if s.fate == "draft":
            return head.split("background:")[0] + "status: draft   # 草稿:背景与目标待补充\n"
        head += (
            f"priority: {rng.choice(['high', 'medium', 'medium', 'low'])}\n"
            f"due: {d(due)}           # 期望上线时间(当天结束前)\n"
        )
        confirmed = sent + timedelta(hours=rng.randint(2, 20))
        plan_at = plus_wd(confirmed, rng.randint(1, 5))
        delivered = plus_wd(confirmed, rng.randint(5, 10))
        finished = age > 40 and s.fate != "overdue"
        late = s.fate == "late"
        if late:
            confirmed = plus_wd(sent, 4, 11)  # 1 working day was asked; 4+ calendar days is late
            plan_at = plus_wd(confirmed, rng.randint(1, 5))
            delivered = plus_wd(confirmed, rng.randint(5, 10))
        head += (
            "milestones:\n  plan: 确认后5个工作日内输出方案\n"
            + (f"  plan_at: {t(plan_at)}\n" if plan_at < NOW else "")
            + "  build: 10个工作日内开发完成\n"
            f"resources:\n  预算: {rng.randint(2, 80)}万元\n  {req_d}: 提供目标用户画像与验收标准\n"
            f"  {rec_d}: 负责开发、测试与上线\n"
        )
        pending = ["pending:                  # 待确认事项;未写 due 的默认 24 小时内反馈\n"]
        for i in range(1, rng.randint(1, 3) + 1):
            raised = sent + timedelta(hours=rng.randint(1, 30))
            answered = raised + timedelta(hours=rng.randint(1, 20))
            pending.append(
                f"  - id: P{i}\n    question: {pick(rng, TASKS)}的范围与口径\n"
                f"    owner: {self.person(rng.choice([req_d, rec_d]))}\n"
                f"    raised_at: {t(raised)}\n"
            )
            if not (s.fate == "overdue" and i == 1 and answered < NOW):
                if answered < NOW:
                    pending.append(
                        f"    answer: 已确认,按{pick(rng, DECISIONS)}执行\n"
                        f"    answered_at: {t(answered)}\n"
                    )
                else:
                    pending.append("    # 尚未答复\n")
            else:
                pending.append("    # 尚未答复:24小时时限已过\n")
        events = f"sent_at: {t(sent)}\n"
        status = "sent"
        if confirmed < NOW:
            events += f"confirmed_at: {t(confirmed)}   # 双方签字见 collab trail {s.id}\n"
            status = "confirmed" if plan_at >= NOW else "in_progress"
        if s.fate != "overdue" and delivered < NOW and delivered < due:
            events += f"delivered_at: {t(delivered)}\n"
            status = "delivered"
            if finished:
                events += f"accepted_at: {t(delivered + timedelta(days=2))}\n"
                status = rng.choice(["accepted", "closed"])
        return head + "".join(pending) + f"status: {status}\n" + events + self.links(s)

    # meeting — 跨部门协调会议议程与纪要 -------------------------------------------------------
    def meeting(self, s: Spec) -> str:
        rng = self.rng
        start = workday_at(s.t0, rng.choice([9, 10, 14, 15, 16]), rng.choice([0, 30]))
        end = start + timedelta(minutes=rng.choice([45, 60, 75, 90]))
        depts = rng.sample(DEPARTMENTS, rng.randint(2, 4))
        host = self.person(depts[0])
        recorder = self.person(depts[0])
        attendees = sorted({(self.person(x), x) for x in depts for _ in range(2)})
        held = end < NOW and s.fate != "draft"
        lines = [
            f"# 跨部门协调会议议程与纪要 —— {rng.choice(TOPICS)}\n",
            f"kind: meeting\nid: {s.id}\n",
            f"title: {rng.choice(PRODUCTS)}{rng.choice(TOPICS)}协调会\n",
            f"objective: {rng.choice(['明确分工', '解决争议', '同步进度', '确认上线方案'])}\n",
            f"start: {t(start)}\nend: {t(end)}        # 控制在90分钟以内\n",
            f"location: |\n  {rng.choice(LOCATIONS)}\n"
            f"  腾讯会议 https://meeting.tencent.com/dm/{rng.randrange(16**8):08x}\n",
            f"host: {host}\nrecorder: {recorder}\nattendees:\n",
            *(f"  - {{name: {n}, department: {x}}}\n" for n, x in attendees),
        ]
        if s.fate == "draft":
            return "".join(lines[:4]) + "status: planned   # 时间地点待定\n"
        agenda = start - timedelta(days=rng.randint(3, 6), hours=rng.randint(0, 5))
        if s.fate == "late" and held:
            agenda = start - timedelta(days=1)
        if agenda < NOW:
            lines.append(f"agenda_sent_at: {t(agenda)}   # 提前3天发送议程\n")
        lines.append(f"materials:\n  - {rng.choice(PRODUCTS)}需求文档_v{rng.randint(1, 4)}.pdf\n")
        lines.append("topics:\n")
        for _ in range(rng.randint(2, 3)):
            box = rng.choice([10, 15, 20])
            lines.append(
                f"  - title: {rng.choice(TOPICS)}\n    presenter: {rng.choice(attendees)[0]}\n"
                f"    timebox: {box}\n"
                + (f"    minutes_used: {box - rng.randint(0, 5)}\n" if held else "")
                + f"    status_quo: {pick(rng, STATUS_QUO)}\n    analysis: {pick(rng, ANALYSES)}\n"
                + (f"    decision: {pick(rng, DECISIONS)}\n" if held else "")
            )
        if not held:
            return "".join(lines) + "status: planned\n" + self.links(s)
        lines.append("decisions:\n")
        lines.extend(f"  - {pick(rng, DECISIONS)}\n" for _ in range(rng.randint(1, 3)))
        lines.append("actions:                     # 做什么、谁来做、何时做、输出什么\n")
        n_actions = rng.randint(1, 4)
        no_minutes = s.fate == "overdue" and rng.random() < 0.3
        overdue_item = rng.randrange(n_actions) if s.fate == "overdue" else -1
        for i in range(n_actions):
            due = start + timedelta(days=rng.randint(3, 30))
            done = done_by(due, end + timedelta(hours=2), rng)
            lines.append(
                f"  - id: A{i + 1}\n    task: {pick(rng, TASKS)}\n"
                f"    owner: {rng.choice(attendees)[0]}\n    due: {d(due)}\n"
                f"    deliverable: {pick(rng, DELIVERABLES)}\n"
            )
            if i == overdue_item and due.date() < NOW.date():
                lines.append("    status: open\n")
                lines.append(
                    f"    progress:\n      - at: {t(end + timedelta(days=1))}\n"
                    f"        note: 已启动,{rng.choice(['等待外部数据', '资源不足', '需求有变'])}\n"
                    f"        percent: {rng.randint(10, 60)}\n"
                )
            elif done < NOW and done.date() <= due.date():
                lines.append(f"    status: done\n    done_at: {t(done)}\n")
            else:
                lines.append("    status: open\n")
        minutes = end + timedelta(hours=rng.randint(1, 20))
        if s.fate == "late":
            minutes = end + timedelta(hours=30)
        if minutes >= NOW:
            lines.append("# minutes_sent_at: 纪要尚未发出\n")
        elif no_minutes:
            lines.append("# minutes_sent_at: 纪要尚未发出(会后24小时时限已过)\n")
        else:
            lines.append(f"minutes_sent_at: {t(minutes)}   # 会后24小时内发出纪要\n")
        lines.append(f"cc: [{', '.join(self.person() for _ in range(2))}]\n")
        closed = (NOW - end).days > 60 and s.fate == "normal"
        lines.append(f"status: {'closed' if closed else 'held'}\n")
        return "".join(lines) + self.links(s)

    # issue — 问题协调解决记录表 ---------------------------------------------------------------
    def issue(self, s: Spec) -> str:
        rng = self.rng
        reported = s.t0.replace(hour=rng.randint(0, 23), minute=rng.choice([5, 20, 35, 50]))
        urgency = rng.choice(["high", "medium", "medium", "low"])
        dept = rng.choice(["技术部", "研发部", "客服部", "运营部", "生产部"])
        owner = self.person(dept)
        title = pick(rng, ISSUES)
        lines = [
            f"# 问题协调解决记录表 —— {'突发问题' if urgency == 'high' else '一般问题'}\n",
            f"kind: issue\nid: {s.id}\ntitle: {title}\n",
            "description: "
            + block(
                [
                    f"{reported.month}月{reported.day}日起{title},",
                    f"{rng.randint(50, 900)}名用户反馈受影响,"
                    f"{rng.choice(['客服电话量翻倍', '应用商店出现差评'])}。",
                ]
            ),
            f"reporter: {self.person('客服部')}\nreported_at: {t(reported)}\n",
        ]
        if s.fate == "draft":
            return "".join(lines) + "status: draft   # 紧急程度与责任人待确认\n"
        lines.append(
            f"urgency: {urgency}\nimpact: {rng.randint(1, 9)}00+用户\n"
            f"department: {dept}\nowner: {owner}\n"
        )
        minute = timedelta(minutes=1)
        if urgency == "high":
            lines.append(
                f"team:                           # 临时小组(30分钟内成立)\n  lead: {owner}\n"
                f"  members: [{', '.join(sorted({self.person(dept) for _ in range(3)}))}]\n"
                f"team_formed_at: {t(reported + rng.randint(10, 28) * minute)}\n"
                f"workaround_at: {t(reported + rng.randint(30, 58) * minute)}\n"
            )
        if urgency == "medium":
            lines.append(f"analysis_meeting_at: {t(reported + rng.randint(40, 115) * minute)}\n")
        if urgency in ("high", "medium"):
            late = 300 if s.fate == "late" else rng.randint(90, 230)
            lines.append(f"root_cause_at: {t(reported + late * minute)}   # 定位报告已输出\n")
        planned = reported + timedelta(hours=rng.choice([8, 24, 48, 72]))
        resolved = reported + timedelta(hours=rng.randint(3, 7))
        lines.append(f"planned_resolution: {t(planned)}\n")
        if s.fate == "overdue" and rng.random() < 0.5:  # open past its planned resolution
            return "".join(lines) + "root_cause: 排查中\nstatus: mitigated\n" + self.links(s)
        notified = resolved + rng.randint(20, 55) * minute
        lines.append(f"resolved_at: {t(resolved)}\nverified_at: {t(resolved + 15 * minute)}\n")
        if notified < NOW:
            lines.append(f"users_notified_at: {t(notified)}   # 解决后1小时内通知受影响用户\n")
        retro_at = resolved + timedelta(hours=rng.randint(2, 20))
        retro = s.fate != "overdue" and retro_at < NOW
        if retro:
            lines.append(f"retrospective_at: {t(retro_at)}\n")
        else:
            lines.append("# retrospective_at: 复盘会尚未召开(时限为解决后24小时)\n")
        lines.append(
            f"root_cause: {rng.choice(CAUSES)}\n"
            "solution: "
            + block(
                [
                    f"1. {pick(rng, TASKS)};",
                    "2. 对受影响订单执行补单脚本;",
                    "3. 对重复扣款用户原路退款。",
                ]
            )
            + f"verification: 随机抽样{rng.randint(5, 20)}名用户确认\n"
            f"user_feedback: 抽样用户均确认恢复正常\n"
            "prevention: "
            + block(
                [
                    "- 相关配置纳入发布前双人复核清单",
                    f"- 增加{rng.choice(['支付成功率', '接口耗时', '登录成功率'])}分钟级告警",
                ]
            )
            + f"status: {'closed' if retro and (NOW - resolved).days > 20 else 'resolved'}\n"
        )
        return "".join(lines) + self.links(s)

    # collaboration — 跨部门协作事项 -----------------------------------------------------------
    def collaboration(self, s: Spec) -> str:
        rng = self.rng
        ini, par = self.two_departments()
        requested = workday_at(s.t0, rng.choice([9, 10, 14, 15]))
        start = workday_at(requested + timedelta(days=rng.randint(2, 5)), 9)
        end = start + timedelta(days=rng.randint(7, 45))
        lines = [
            f"# 跨部门协作事项跟踪表 —— {ini} × {par}\n",
            f"kind: collaboration\nid: {s.id}\n"
            f"title: {rng.choice(PRODUCTS)}{rng.choice(TOPICS)}支持\n",
            f"initiator:                 # 需求发起部门/对接人\n  department: {ini}\n"
            f"  contact: {self.person(ini)}\n",
            f"partners:                  # 需协助部门/对接人\n  - department: {par}\n"
            f"    contact: {self.person(par)}\n",
            f"background: {pick(rng, REASONS)}\ngoal: {pick(rng, GOALS)}\n",
            "description:\n"
            + "".join(f"  - {pick(rng, TASKS)}\n" for _ in range(rng.randint(2, 4))),
            f"mode: 每日17:00线上同步,每周{rng.choice('一二三四')}10:00例会\n",
            "risks:\n"
            + "".join(
                f"  - risk: {r}\n    mitigation: {m}\n"
                for r, m in rng.sample(
                    [
                        ("同期承接其他项目,人力紧张", "提前锁定2名骨干,其他需求顺延"),
                        ("文案多轮修改导致返工", "文案一次性定稿后再进入设计"),
                        ("节假日占用开发时间", "节前完成接口设计,节后集中开发"),
                        ("改造影响数据一致性", "灰度发布,保留一键回滚开关"),
                    ],
                    2,
                )
            ),
        ]
        if s.fate == "draft":
            return "".join(lines[:4]) + "status: planned   # 排期待定\n"
        lines.append(f"planned_start: {d(start)}\nplanned_end: {d(end)}\n")
        accepted = requested + timedelta(hours=rng.randint(2, 24))
        if s.fate == "late":
            accepted = plus_wd(requested, 4)
        done = end < NOW and s.fate != "overdue"
        actual = workday_before(end - timedelta(days=rng.randint(0, 3)), 17)
        if done:
            lines.append(f"actual_end: {d(actual)}   # 延期天数由 collab 计算,不手写\n")
        lines.append(f"requested_at: {t(requested)}\n")
        if accepted < NOW:
            lines.append(f"accepted_by_partner_at: {t(accepted)}   # 1个工作日内确认\n")
        if start < NOW:
            lines.append(f"progress:\n  - at: {t(start)}\n    note: 启动会完成\n    percent: 5\n")
            lines.append(self.progress_lines(start, min(end, NOW), "  ", 7))
            if done:
                lines.append(f"  - at: {t(actual)}\n    note: 全部成果交付\n    percent: 100\n")
        if not done:
            status = "in_progress" if start < NOW else "planned"
            return "".join(lines) + f"status: {status}\n" + self.links(s)
        check = workday_at(actual + timedelta(days=1), 10)
        retro = plus_wd(check, rng.randint(1, 3), 15)
        if check >= NOW:
            return "".join(lines) + "status: done   # 待验收\n" + self.links(s)
        lines.append(
            f"acceptance:\n  result: pass\n  comments: 成果符合验收标准\n"
            f"  by: {self.person(ini)}\n  at: {t(check)}\n"
        )
        if retro < NOW:
            lines.append(
                "retrospective:             # 验收通过后3个工作日内复盘\n"
                f"  highlights:\n    - 每日同步让问题当天暴露、当天解决\n"
                f"  improvements:\n    - {pick(rng, ANALYSES)}\n"
                f"  measures:\n    - 今后在启动会确认{rng.choice(TOPICS)}的边界\n"
                f"  at: {t(retro)}\n"
            )
        return "".join(lines) + "status: done\n" + self.links(s)

    # customer-request — 客户需求对接跟踪表 ----------------------------------------------------
    def customer_request(self, s: Spec) -> str:
        rng = self.rng
        received = workday_at(s.t0, rng.choice([9, 10, 11, 14, 16]), 30)
        customer = rng.choice(CUSTOMERS)
        owner = self.person(rng.choice(["销售部", "客服部", "市场部"]))
        lines = [
            "# 客户需求对接跟踪表\n",
            f"kind: customer-request\nid: {s.id}\ncustomer: {customer}\n"
            f"project: {rng.choice(PRODUCTS)}{rng.choice(['建设', '升级', '运维服务'])}\n",
            f"contact: {customer}{rng.choice(['行政部', '信息部', '采购部'])}负责人"
            f"(电话 010-{rng.randint(1000, 9999)} {rng.randint(1000, 9999)})\n",
            "description: "
            + block(
                [f"为约{rng.randint(1, 20)}00名员工建设{rng.choice(PRODUCTS)},包含:"]
                + [f"- {pick(rng, TASKS)}" for _ in range(rng.randint(2, 4))]
            ),
            f"budget: {rng.randint(5, 200)}万元\nreceived_at: {t(received)}\n",
        ]
        if s.fate == "draft":
            return "".join(lines[:3]) + "status: draft   # 需求描述待整理\n"
        reviewed = received + timedelta(hours=rng.randint(3, 30))
        if s.fate == "late":
            reviewed = plus_wd(received, 5)
        if reviewed >= NOW:
            return "".join(lines) + f"status: pending\nowner: {owner}\n" + self.links(s)
        lines.append(f"reviewed_at: {t(reviewed)}     # 2个工作日内反馈可行性\n")
        lines.append(f"review_result: {rng.choice(['feasible', 'feasible', 'adjust'])}\n")
        lines.append("proposals:\n")
        sent = reviewed
        n = rng.randint(1, 3)
        waiting = False
        for i in range(n):
            sent = workday_at(sent + timedelta(days=rng.randint(1, 6)), 15)
            if sent >= NOW:
                break
            feedback = sent + timedelta(hours=rng.randint(2, 40))
            lines.append(
                f"  - version: V1.{i}\n    sent_at: {t(sent)}\n"
                f"    summary: {pick(rng, DECISIONS)}\n"
            )
            last = i == n - 1
            if (last and s.fate == "overdue") or feedback >= NOW:
                lines.append("    # 客户尚未反馈\n")
                waiting = True
                break
            lines.append(
                f"    feedback: {rng.choice(['希望分期交付', '同意方案', '预算需压缩10%'])}\n"
                f"    feedback_at: {t(feedback)}\n"
            )
            sent = feedback
        if lines[-1] == "proposals:\n":
            lines.pop()
        lines.append("communications:\n")
        moments = sorted(
            workday_at(received + timedelta(days=rng.randint(1, 20)), 10)
            for _ in range(rng.randint(1, 3))
        )
        for at in moments:
            if at >= NOW:
                break
            kind = rng.choice(["question", "problem", "feedback"])
            lines.append(
                f"  - at: {t(at)}\n    channel: {rng.choice(CHANNELS)}\n"
                f"    summary: 客户{rng.choice(['反映', '询问', '反馈'])}{pick(rng, TASKS)}的进度\n"
                f"    type: {kind}\n    responded_at: {t(at + timedelta(minutes=20))}\n"
                + (f"    solution_at: {t(at + timedelta(hours=6))}\n" if kind == "problem" else "")
            )
        if lines[-1] == "communications:\n":
            lines.pop()
        old = (NOW - received).days > 60
        status = "pending" if waiting else ("done" if old else "confirmed")
        return "".join(lines) + f"status: {status}\nowner: {owner}\n" + self.links(s)

    # notice — 内部沟通信息表 -----------------------------------------------------------------
    def notice(self, s: Spec) -> str:
        rng = self.rng
        at = workday_at(s.t0, rng.choice([9, 10, 11, 14, 15, 16]), rng.choice([0, 15, 30]))
        dept = rng.choice(DEPARTMENTS)
        topic = f"{rng.choice(PRODUCTS)}{rng.choice(TOPICS)}"
        people = sorted({self.person() for _ in range(4)})
        lines = [
            "# 内部沟通信息表 —— 群通知与待办(群名遵循 【部门/项目】+主题+日期)\n",
            f"kind: notice\nid: {s.id}\ntitle: {topic}讨论\n",
            f"group: 【{dept}】{topic}{at:%Y%m%d}\n",
            f"initiator: {self.person(dept)}\nat: {t(at)}            # 工作时间内发送\n",
            "content: "
            + block(
                [
                    f"各位好,{topic}初稿已上传至共享盘“{topic}/方案”目录,",
                    f"请于{(at + timedelta(days=2)):%m月%d日}前阅读并反馈意见。",
                    "请按下方待办完成。",
                ]
            ),
            f"participants: [{', '.join(people)}]\n",
            f"important: {'true' if rng.random() < 0.3 else 'false'}                 # 【重要】\n",
            "urgent: false\n",
        ]
        if s.fate == "draft":
            return "".join(lines[:3]) + "status: draft\n"
        lines.append("todos:\n")
        n = rng.randint(1, 3)
        for i in range(n):
            due = at + timedelta(days=rng.randint(2, 14))
            done = done_by(due, at + timedelta(hours=2), rng)
            lines.append(
                f"  - id: T{i + 1}\n    task: {pick(rng, TASKS)}\n"
                f"    owner: {rng.choice(people)}\n    due: {d(due)}\n"
            )
            if s.fate == "overdue" and i == 0 and due.date() < NOW.date():
                lines.append("    status: open\n")
            elif done < NOW and done.date() <= due.date():
                lines.append(f"    status: done\n    done_at: {t(done)}\n")
            else:
                lines.append("    status: open\n")
        old = (NOW - at).days > 60 and s.fate == "normal"
        return "".join(lines) + f"status: {'closed' if old else 'sent'}\n" + self.links(s)


# --- the workspace ---------------------------------------------------------------------------


def config_text() -> str:
    people = []
    for dept, members in PEOPLE.items():
        people.append(f"  # {dept}\n")
        people.extend(
            f"  - {{name: {n}, department: {dept}, email: {p}@example.com, title: {title}}}\n"
            for n, p, title in members
        )
    return (
        "# collab 基准测试工作区(benchmarks/generate.py 生成,勿手改)\n"
        "language: zh\ntimezone: Asia/Shanghai\n"
        'calendar:\n  country: CN\n  work_hours: ["09:00-12:00", "13:00-18:00"]\n'
        "  extra_holidays: []\n  extra_workdays: []\n"
        "ids:\n"
        + "".join(f"  {k}: {v}\n" for k, v in PREFIX.items())
        + f"departments: [{', '.join(DEPARTMENTS)}]\n"
        "people:\n" + "".join(people) + "rules: {}\n"
    )


def plan(n: int, rng: random.Random, overdue: float, late: float, drafts: float) -> list[Spec]:
    """Kinds, dates, ids (numbered per prefix and year in date order), fates and links."""
    kinds = [k for k, w in MIX for _ in range(w)]
    span = (NOW - timedelta(days=2) - START).total_seconds()
    raw = []
    for _ in range(n):
        kind = rng.choice(kinds)
        t0 = START + timedelta(seconds=rng.random() * span)
        roll = rng.random()
        fate = (
            "draft"
            if roll < drafts
            else "late"
            if roll < drafts + late
            else "overdue"
            if roll < drafts + late + overdue
            else "normal"
        )
        raw.append((kind, t0, fate))
    raw.sort(key=lambda r: r[1])
    seq: dict[tuple[str, int], int] = {}
    specs = []
    for kind, t0, fate in raw:
        key = (PREFIX[kind], t0.year)
        seq[key] = seq.get(key, 0) + 1
        specs.append(Spec(kind, f"{key[0]}-{key[1]}-{seq[key]:03d}", t0, fate, []))
    # Links point back at earlier records (a meeting discusses a requirement, a notice's to-do
    # follows a meeting's action item A1, which every held meeting has).
    for i, spec in enumerate(specs):
        if i > 10 and spec.fate != "draft" and rng.random() < 0.3:
            target = specs[rng.randrange(max(0, i - 200), i)]
            if target.fate != "draft":
                ref = target.id
                if (
                    target.kind == "meeting"
                    and spec.kind == "notice"
                    and target.t0 < NOW - timedelta(days=1)
                ):
                    ref += "/A1"
                spec.links.append(ref)
    return specs


def generate(
    root: Path,
    records: int = 10_000,
    *,
    seed: int = 20240914,
    overdue: float = 0.10,
    late: float = 0.02,
    drafts: float = 0.005,
) -> dict[str, int]:
    """Write the workspace under `root` (which must be empty or absent); counts by kind."""
    rng = random.Random(seed)
    if root.exists() and any(root.iterdir()):
        raise SystemExit(f"generate.py: {root} is not empty")
    root.mkdir(parents=True, exist_ok=True)
    (root / "collab.yaml").write_text(config_text(), encoding="utf-8")
    for folder in FOLDER.values():
        (root / "records" / folder).mkdir(parents=True, exist_ok=True)
    writer = Writer(rng)
    makers: dict[str, Callable[[Spec], str]] = {
        "requirement": writer.requirement,
        "meeting": writer.meeting,
        "issue": writer.issue,
        "collaboration": writer.collaboration,
        "customer-request": writer.customer_request,
        "notice": writer.notice,
    }
    counts: dict[str, int] = {}
    for spec in plan(records, rng, overdue, late, drafts):
        text = makers[spec.kind](spec)
        path = root / "records" / FOLDER[spec.kind] / f"{spec.id}.yaml"
        path.write_text(text, encoding="utf-8")
        counts[spec.kind] = counts.get(spec.kind, 0) + 1
        counts[spec.fate] = counts.get(spec.fate, 0) + 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="the workspace folder to create (empty or absent)")
    parser.add_argument("--records", type=int, default=10_000, help="how many (default 10,000)")
    parser.add_argument("--seed", type=int, default=20240914)
    parser.add_argument("--overdue", type=float, default=0.10, help="share with something overdue")
    parser.add_argument("--late", type=float, default=0.02, help="share that met a deadline late")
    parser.add_argument("--drafts", type=float, default=0.005, help="share of unfinished drafts")
    parser.add_argument("--force", action="store_true", help="empty DIR first")
    args = parser.parse_args(argv)
    if args.force and args.dir.exists():
        shutil.rmtree(args.dir)
    counts = generate(
        args.dir,
        args.records,
        seed=args.seed,
        overdue=args.overdue,
        late=args.late,
        drafts=args.drafts,
    )
    files = list((args.dir / "records").rglob("*.yaml"))
    size = sum(f.stat().st_size for f in files)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(
        f"{len(files)} records in {args.dir} ({size / len(files) / 1024:.2f} KB on average; "
        f"{summary}); measure at --now {NOW_ISO}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
