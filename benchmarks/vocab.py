"""The generator's vocabulary: departments and people (the generated `collab.yaml`), and the
Chinese phrase pools record text is drawn from."""

from __future__ import annotations

import random


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
