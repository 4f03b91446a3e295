package org.govshare.demo;

import java.util.List;
import org.govshare.platform.LoginHints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

@Component
@ConditionalOnBooleanProperty(name = "govshare.demo.enabled", matchIfMissing = true)
class DemoLoginHints implements LoginHints {

    @Override
    public String password() {
        return DemoDistrict.PASSWORD;
    }

    @Override
    public List<Hint> accounts() {
        return List.of(
            new Hint("admin", "平台管理员 · 区大数据中心 / platform administrator"),
            new Hint("auditor", "审计员 · 区大数据中心 / auditor of the authority"),
            new Hint("scjg_admin", "单位管理员 · 区市场监管局 / organization administrator"),
            new Hint("scjg_steward", "数据专员 · 区市场监管局 / data steward"),
            new Hint("scjg_reviewer", "共享审核员 · 区市场监管局 / reviewer"),
            new Hint("scjg_auditor", "审计员 · 区市场监管局 / auditor"),
            new Hint("rsj_admin", "单位管理员 · 区人社局（另有 rsj_steward、gaj_*、spj_* 等）"));
    }
}
