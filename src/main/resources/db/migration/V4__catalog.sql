-- catalog: information resources (GB/T 21063) with their data items, versions, review, the
-- responsibility and negative lists, and duty changes that oblige a catalog update.

create table catalog_classification (
    code          varchar(20) primary key,
    parent_code   varchar(20) references catalog_classification (code),
    level         smallint    not null check (level between 1 and 4),
    name          varchar(50) not null,
    name_en       varchar(80) not null,
    resource_type varchar(12) not null check (resource_type in ('BASIC', 'THEME', 'DEPARTMENT'))
);

insert into catalog_classification (code, parent_code, level, name, name_en, resource_type) values
 ('1', null, 1, '基础信息资源', 'Basic information resources', 'BASIC'),
 ('101', '1', 2, '人口', 'Population', 'BASIC'),
 ('101001', '101', 3, '户籍人口', 'Registered residents', 'BASIC'),
 ('101002', '101', 3, '流动人口', 'Floating population', 'BASIC'),
 ('101003', '101', 3, '出生和死亡', 'Births and deaths', 'BASIC'),
 ('102', '1', 2, '法人单位', 'Legal entities', 'BASIC'),
 ('102001', '102', 3, '企业法人', 'Enterprises', 'BASIC'),
 ('102002', '102', 3, '机关和事业单位', 'Government organs and public institutions', 'BASIC'),
 ('102003', '102', 3, '社会组织', 'Social organizations', 'BASIC'),
 ('103', '1', 2, '自然资源和空间地理', 'Natural resources and spatial geography', 'BASIC'),
 ('103001', '103', 3, '土地和规划', 'Land and planning', 'BASIC'),
 ('103002', '103', 3, '地址和地理编码', 'Addresses and geocoding', 'BASIC'),
 ('104', '1', 2, '社会信用', 'Social credit', 'BASIC'),
 ('105', '1', 2, '电子证照', 'Electronic licences', 'BASIC'),
 ('105001', '105', 3, '证照目录', 'Licence catalog', 'BASIC'),
 ('105002', '105', 3, '证照数据', 'Licence data', 'BASIC'),
 ('2', null, 1, '主题信息资源', 'Theme information resources', 'THEME'),
 ('201', '2', 2, '公共服务', 'Public services', 'THEME'),
 ('202', '2', 2, '健康保障', 'Health', 'THEME'),
 ('203', '2', 2, '社会保障', 'Social security', 'THEME'),
 ('204', '2', 2, '食品药品安全', 'Food and drug safety', 'THEME'),
 ('205', '2', 2, '安全生产', 'Work safety', 'THEME'),
 ('206', '2', 2, '价格监管', 'Prices', 'THEME'),
 ('207', '2', 2, '能源安全', 'Energy', 'THEME'),
 ('208', '2', 2, '信用体系', 'Credit', 'THEME'),
 ('209', '2', 2, '城乡建设', 'Urban and rural construction', 'THEME'),
 ('210', '2', 2, '社区治理', 'Community governance', 'THEME'),
 ('211', '2', 2, '生态环境', 'Ecology and environment', 'THEME'),
 ('212', '2', 2, '应急维稳', 'Emergency response', 'THEME'),
 ('3', null, 1, '部门信息资源', 'Department information resources', 'DEPARTMENT'),
 ('301', '3', 2, '综合政务', 'General government affairs', 'DEPARTMENT'),
 ('302', '3', 2, '经济管理', 'Economic management', 'DEPARTMENT'),
 ('303', '3', 2, '市场监管', 'Market regulation', 'DEPARTMENT'),
 ('303001', '303', 3, '市场主体登记', 'Business registration', 'DEPARTMENT'),
 ('303002', '303', 3, '行政许可和检查', 'Permits and inspections', 'DEPARTMENT'),
 ('304', '3', 2, '公共安全', 'Public security', 'DEPARTMENT'),
 ('305', '3', 2, '人力资源和社会保障', 'Human resources and social security', 'DEPARTMENT'),
 ('305001', '305', 3, '社会保险', 'Social insurance', 'DEPARTMENT'),
 ('305002', '305', 3, '就业服务', 'Employment services', 'DEPARTMENT'),
 ('306', '3', 2, '民政', 'Civil affairs', 'DEPARTMENT'),
 ('307', '3', 2, '卫生健康', 'Health', 'DEPARTMENT'),
 ('308', '3', 2, '教育文化', 'Education and culture', 'DEPARTMENT'),
 ('309', '3', 2, '住房建设和交通', 'Housing, construction and transport', 'DEPARTMENT'),
 ('309001', '309', 3, '工程建设许可', 'Construction permits', 'DEPARTMENT'),
 ('310', '3', 2, '规划和自然资源', 'Planning and natural resources', 'DEPARTMENT'),
 ('311', '3', 2, '生态环境', 'Ecology and environment', 'DEPARTMENT'),
 ('312', '3', 2, '财政税务', 'Finance and taxation', 'DEPARTMENT'),
 ('313', '3', 2, '公共资源交易', 'Public resource trading', 'DEPARTMENT'),
 ('313001', '313', 3, '工程建设招标投标', 'Construction tenders and bids', 'DEPARTMENT'),
 ('313002', '313', 3, '政府采购', 'Government procurement', 'DEPARTMENT'),
 ('314', '3', 2, '政务服务', 'Government services', 'DEPARTMENT'),
 ('315', '3', 2, '农业农村', 'Agriculture and rural affairs', 'DEPARTMENT'),
 ('316', '3', 2, '应急管理', 'Emergency management', 'DEPARTMENT'),
 ('317', '3', 2, '司法', 'Justice', 'DEPARTMENT'),
 ('318', '3', 2, '统计', 'Statistics', 'DEPARTMENT');

-- the next sequence code per classification: resource codes are "<classification>/<6 digits>"
create table catalog_code_sequence (
    classification_code varchar(20) primary key references catalog_classification (code),
    last_value          int         not null
);

-- the working copy of each resource (what its provider edits); published versions are frozen in
-- catalog_resource_version
create table catalog_resource (
    id                  uuid primary key,
    code                varchar(40)   not null,
    classification_code varchar(20)   not null references catalog_classification (code),
    provider_id         uuid          not null references organization (id),
    name                varchar(100)  not null,
    summary             varchar(2000),
    format              varchar(20)   not null,
    share_type          varchar(20)   not null,
    share_condition     varchar(1000),
    share_mode          varchar(20)   not null,
    open_type           varchar(20)   not null,
    open_condition      varchar(1000),
    update_cycle        varchar(20)   not null,
    release_date        date,
    related_codes       varchar(1000),
    legal_basis         varchar(2000),
    keywords            varchar(500),
    status              varchar(20)   not null,
    published_version   int           not null default 0,
    review_comment      varchar(2000),
    reviewed_by         varchar(64),
    reviewed_at         timestamptz,
    submitted_at        timestamptz,
    withdrawn_reason    varchar(1000),
    version             bigint        not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    constraint catalog_resource_code_unique unique (code),
    constraint catalog_resource_status_check check (status in
        ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'CHANGE_DRAFT', 'CHANGE_SUBMITTED', 'WITHDRAWN'))
);
create index catalog_resource_provider_idx on catalog_resource (provider_id, status);
create index catalog_resource_status_idx on catalog_resource (status);

create table catalog_data_item (
    resource_id             uuid          not null references catalog_resource (id) on delete cascade,
    position                int           not null,
    name                    varchar(100)  not null,
    code_name               varchar(64)   not null,
    data_type               varchar(20)   not null,
    length                  int,
    description             varchar(1000),
    sensitivity             varchar(20)   not null,
    share_type              varchar(20)   not null,
    share_condition         varchar(1000),
    legal_basis             varchar(2000),
    standard_name           varchar(100)  not null,
    authoritative_source_id uuid references organization (id),
    key_item                boolean       not null default false,
    primary key (resource_id, position)
);
create index catalog_data_item_standard_name_idx on catalog_data_item (standard_name);

create table catalog_resource_version (
    resource_id  uuid        not null references catalog_resource (id),
    version      int         not null,
    content      jsonb       not null,
    change_note  varchar(2000),
    published_at timestamptz not null,
    approved_by  varchar(64) not null,
    primary key (resource_id, version)
);

-- every change to what search may show; search indexes on every node tail it by seq
create table catalog_change_log (
    seq         bigserial primary key,
    resource_id uuid        not null,
    changed_at  timestamptz not null default now()
);

-- 一数一源: who the authority settled as the one source of a data item (by standard name)
create table catalog_responsibility (
    standard_name   varchar(100) primary key,
    organization_id uuid         not null references organization (id),
    note            varchar(1000),
    settled_by      varchar(64)  not null,
    settled_at      timestamptz  not null
);

-- the authority challenges a "not shared" resource or item; the provider answers
create table catalog_negative_challenge (
    id           uuid primary key,
    resource_id  uuid          not null references catalog_resource (id),
    item_code    varchar(64),
    reason       varchar(2000) not null,
    raised_by    varchar(64)   not null,
    raised_at    timestamptz   not null,
    status       varchar(20)   not null check (status in ('OPEN', 'UPHELD', 'OVERTURNED')),
    response     varchar(2000),
    responded_by varchar(64),
    responded_at timestamptz
);
create index catalog_negative_challenge_resource_idx on catalog_negative_challenge (resource_id);

-- a change of a department's duties or of the law: its catalog is due within 15 days
create table catalog_duty_change (
    id              uuid primary key,
    organization_id uuid          not null references organization (id),
    description     varchar(1000) not null,
    changed_on      date          not null,
    due_on          date          not null,
    recorded_by     varchar(64)   not null,
    recorded_at     timestamptz   not null
);
create index catalog_duty_change_org_idx on catalog_duty_change (organization_id);
