import type { CaseStatus } from '../../../shared/case/workflow';
import type { AuditAction, CaseCategory, CaseSource, Role } from '../../../shared/enums';
import type { Language } from '../../../shared/format/number';
import { metricNames, type Metric, type MetricUnit } from '../../../shared/metrics/definitions';
import { CATEGORY_TEXT, SOURCE_TEXT, STATUS_TEXT, wordsIn } from '../../../shared/vocabulary';
import type { PeriodPreset } from '../../../shared/time/period-presets';
import type { ProvenanceKind } from '../../../shared/metrics/provenance';

type Basemap = 'none' | 'offline' | 'tianditu' | 'amap' | 'osm';
type ImportKind = 'boundaries' | 'figures' | 'cases';

/** Every string the dashboard shows, in one place: Chinese first, English second. */
export interface Strings {
  title: string;
  allCommunities: string;
  metric: string;
  /** Beside a panel's CSV and XLSX links. */
  download: string;
  languageSwitch: string;
  period: string;
  basemap: string;
  noLocation: string;
  noLocationHere: string;
  /** A visitor at a grid: buildings are not drawn without signing in. */
  buildingsNeedSignIn: string;
  loading: string;
  error: string;
  retry: string;
  empty: string;
  crashed: string;
  ranking: string;
  tooFew: string;
  search: string;
  searchNone: string;
  compare: string;
  compareHint: string;
  /** One place picked: the comparison needs another. */
  compareOneMore: string;
  /** {name}: a community, over its grids in the compare picker. */
  gridsOf: string;
  /** {code}: an address that names no community, or no grid of its community. */
  unknownCommunity: string;
  unknownGrid: string;
  /** The map's + and − buttons. */
  zoomIn: string;
  zoomOut: string;
  backToMap: string;
  perThousand: string;
  best: string;
  worst: string;
  openCases: string;
  overdue: string;
  deadline: string;
  noOpenCases: string;
  charts: {
    population: string;
    partyPerThousand: string;
    volunteerHours: string;
    caseFlow: string;
    reported: string;
    closed: string;
    rates: string;
    categories: string;
    open: string;
    /** Under a chart that draws only the largest places: {shown} of {total}. */
    largestOf: string;
    /** Between a long ranking's best and worst: {count} places left out. */
    between: string;
    /** After the first names of a long list: {count} more. */
    andMore: string;
  };
  kinds: { COMMUNITY: string; GRID: string; BUILDING: string };
  /** The overdue list and the case page. */
  cases: {
    overdueTitle: string;
    /** Under the overdue list's title: its order, and what it counts that 超期未结 (accepted cases only) does not. */
    overdueHint: string;
    noneOverdue: string;
    more: string;
    code: string;
    category: string;
    grid: string;
    source: string;
    daysOverdue: string;
    /** {days}: whole days overdue, 2 or more. */
    days: string;
    oneDay: string;
    /** Overdue since earlier today. */
    today: string;
    sources: Record<CaseSource, string>;
    title: string;
    reported: string;
    accepted: string;
    deadline: string;
    /** After the deadline; {at}: when the extension was approved. */
    extended: string;
    closed: string;
    timeline: string;
    place: string;
    locationHidden: string;
    noPlace: string;
    /** {code}: the code in the address. */
    unknown: string;
  };
  wall: {
    title: string;
    updated: string;
    staleSince: string;
    tokenMissing: string;
    tokenInvalid: string;
    /** A token of another role in a wall's address: only display tokens open a wall. */
    tokenNotDisplay: string;
    tokenHelp: string;
    scopeUnknown: string;
    monthly: string;
    /** Before the ticker of the latest cases. */
    latest: string;
    ranking: string;
    allScope: string;
  };
  periods: Record<PeriodPreset, string>;
  periodFrom: string;
  periodTo: string;
  /** A building's view beside its grid's map. */
  building: { kind: string; floors: string; units: string; close: string };
  /** A key figure against earlier periods, and where it comes from. */
  trend: {
    previous: string;
    yearEarlier: string;
    /** After a change in a rate: percentage points. */
    points: string;
    /** Before a static figure's date, in place of the changes. */
    asOf: string;
    /** The current month on a chart while it is not over. */
    partial: string;
  };
  provenance: Record<ProvenanceKind, string>;
  /** What each mark means, on hover or tap. */
  provenanceMeaning: Record<ProvenanceKind, string>;
  /** After an "at least" figure: 4,000余 / 4,000+. */
  atLeast: string;
  /** A comparison or ranking made on synthetic figures. */
  restsOnGenerated: string;
  basemaps: Record<Basemap, string>;
  /** Over the map when a basemap's tiles fail, by what is drawn instead; {basemap}: the one that failed. */
  basemapFailed: { offline: string; none: string };
  /** The credits each online basemap's provider asks for, in the map's corner. */
  basemapCredits: Record<Exclude<Basemap, 'none' | 'offline'>, string>;
  /** {number}: MAP_APPROVAL_NUMBER, as issued. */
  mapApproval: string;
  metrics: Record<Metric, string>;
  units: Record<MetricUnit, string>;
  /** A unit after exactly 1, where the language says it otherwise (1 case). */
  unitsOfOne: Partial<Record<MetricUnit, string>>;
  categories: Record<CaseCategory, string>;
  statuses: Record<CaseStatus, string>;
  roles: Record<Role | 'PUBLIC', string>;
  auth: {
    title: string;
    username: string;
    password: string;
    signIn: string;
    signingIn: string;
    signOut: string;
    badCredentials: string;
    /** {time}: when the lock ends, as the viewer's clock shows it. */
    locked: string;
    crossSite: string;
    failed: string;
    expired: string;
    required: string;
    signedOut: string;
    continuePublic: string;
    allScope: string;
    admin: string;
    gridWorker: string;
    gridWorkerHidden: string;
  };
  admin: {
    title: string;
    forbidden: string;
    accounts: string;
    tokens: string;
    audit: string;
    username: string;
    displayName: string;
    role: string;
    scope: string;
    scopeHint: string;
    created: string;
    lastLogin: string;
    lastUsed: string;
    expires: string;
    never: string;
    state: string;
    active: string;
    disabled: string;
    revoked: string;
    expired: string;
    disable: string;
    enable: string;
    resetPassword: string;
    revoke: string;
    createAccount: string;
    createToken: string;
    tokenName: string;
    noExpiry: string;
    passwordOnce: string;
    tokenOnce: string;
    openWall: string;
    confirmRevoke: string;
    confirmDisable: string;
    time: string;
    action: string;
    actor: string;
    subject: string;
    address: string;
    back: string;
    /** The admin pages, as the header links to them. */
    pages: { users: string; import: string };
    actions: Record<AuditAction, string>;
  };
  import: {
    title: string;
    forbidden: string;
    intro: string;
    files: string;
    drop: string;
    choose: string;
    accepts: string;
    remove: string;
    kind: string;
    kinds: Record<'auto' | ImportKind, string>;
    crs: string;
    crsOptions: Record<'auto' | 'wgs84' | 'gcj02' | 'bd09' | 'cgcs2000' | 'epsg', string>;
    crsHint: string;
    epsg: string;
    encoding: string;
    encodings: Record<'auto' | 'utf8' | 'gbk', string>;
    sheet: string;
    sheetHint: string;
    asOf: string;
    asOfHint: string;
    advanced: string;
    map: string;
    mapHint: string;
    check: string;
    confirm: string;
    again: string;
    waiting: string;
    phases: Record<'sending' | 'reading' | 'checking' | 'writing' | 'done', string>;
    checkTitle: string;
    resultTitle: string;
    created: string;
    updated: string;
    unchanged: string;
    retired: string;
    notes: string;
    location: string;
    field: string;
    problem: string;
    /** {count}: how many problems. */
    refused: string;
    clean: string;
    nothingToImport: string;
    imported: string;
    preview: string;
    previewEmpty: string;
    failures: Record<
      'unauthenticated' | 'forbidden' | 'tooLarge' | 'badRequest' | 'network' | 'server' | 'interrupted',
      string
    >;
    signInAgain: string;
  };
  /** The monthly report, and what every printed page says about itself. */
  report: {
    /** The dashboard's link to it. */
    link: string;
    /** {scope}, {month}: 康乐社区, 2026年10月. */
    title: string;
    month: string;
    print: string;
    printed: string;
    /** Before the provenance line. */
    sources: string;
    /** Between the parts of the provenance line. */
    separator: string;
    back: string;
    figures: string;
    league: string;
    /** {month}: as the URL gave it. */
    malformed: string;
    future: string;
    /** {scope}: the code the URL gave. */
    unknownScope: string;
  };
}

const zh: Strings = {
  title: '网格通 · 社区网格治理看板',
  allCommunities: '全部社区',
  metric: '指标',
  download: '下载',
  languageSwitch: 'English',
  period: '时段',
  basemap: '底图',
  noLocation: '以下社区暂无地理位置，未在地图上绘制：',
  noLocationHere: '该社区暂无地理位置，无法在地图上显示；各项数据照常统计。',
  buildingsNeedSignIn: '楼栋位置登录后可见。',
  loading: '正在加载…',
  error: '无法连接服务器，显示的可能不是最新数据。',
  retry: '重试',
  empty: '暂无数据',
  crashed: '此区域出错了，其余部分仍可使用。',
  ranking: '排名',
  tooFew: '案件太少',
  search: '搜索社区、网格或楼栋',
  searchNone: '没有找到',
  compare: '对比',
  compareHint: '选择 2–10 个社区或网格进行对比',
  compareOneMore: '再选一个以对比',
  gridsOf: '{name}的网格',
  unknownCommunity: '没有这个社区：{code}',
  unknownGrid: '本社区没有这个网格：{code}',
  zoomIn: '放大',
  zoomOut: '缩小',
  backToMap: '返回地图',
  perThousand: '每千人',
  best: '最好',
  worst: '最差',
  openCases: '未结事件',
  overdue: '已超期',
  deadline: '期限',
  noOpenCases: '没有未结事件',
  charts: {
    population: '人口与户数',
    partyPerThousand: '每千名居民党员数',
    volunteerHours: '每月志愿服务时长',
    caseFlow: '每月上报与结案',
    reported: '上报',
    closed: '结案',
    rates: '结案率与按期结案率',
    categories: '事件类别',
    open: '未结',
    largestOf: '只画最多的 {shown} 个，共 {total} 个',
    between: '…… 中间 {count} 个 ……',
    andMore: '另有 {count} 个',
  },
  kinds: { COMMUNITY: '社区', GRID: '网格', BUILDING: '楼栋' },
  cases: {
    overdueTitle: '超期事件',
    overdueHint: '超期天数多的在前；含尚未立案的事件',
    noneOverdue: '没有超期事件',
    more: '加载更多',
    code: '编号',
    category: '类别',
    grid: '网格',
    source: '来源',
    daysOverdue: '超期天数',
    days: '{days} 天',
    oneDay: '1 天',
    today: '今日',
    sources: wordsIn(SOURCE_TEXT, 'zh'),
    title: '事件',
    reported: '上报时间',
    accepted: '立案时间',
    deadline: '处置时限',
    extended: '已延期（{at} 批准）',
    closed: '结案时间',
    timeline: '办理过程',
    place: '位置',
    locationHidden: '准确位置登录后可见，图中为所在网格。',
    noPlace: '该事件没有可在地图上显示的位置。',
    unknown: '没有编号为 {code} 的事件。',
  },
  wall: {
    title: '网格通 · 服务大厅',
    updated: '数据更新于',
    staleSince: '数据未更新，自',
    tokenMissing: '此大屏缺少显示令牌',
    tokenInvalid: '显示令牌无效或已被撤销',
    tokenNotDisplay: '大屏只能使用显示令牌（display），不能使用其他角色的令牌',
    tokenHelp: '请联系管理员：npm run token -- create --role display --name "大厅一号屏"，并在地址中加入 ?token=…',
    scopeUnknown: '找不到此范围',
    monthly: '近12个月上报与结案',
    latest: '最新事件',
    ranking: '排名',
    allScope: '全部社区',
  },
  periods: {
    month: '本月',
    lastMonth: '上月',
    quarter: '本季度',
    thisYear: '今年',
    year: '近12个月',
    twoYears: '近两年',
    custom: '自定义',
  },
  periodFrom: '起始日',
  periodTo: '截止日',
  building: { kind: '类型', floors: '层数', units: '个单元', close: '关闭' },
  trend: { previous: '环比', yearEarlier: '同比', points: '个百分点', asOf: '截至', partial: '本月未完' },
  provenance: { STATED: '公布', IMPORTED: '导入', GENERATED: '模拟', COMPUTED: '统计' },
  provenanceMeaning: {
    STATED: '公开报道或官方公布的数字',
    IMPORTED: '管理员导入的文件',
    GENERATED: '演示用的模拟数据，不是真实数字',
    COMPUTED: '由事件和志愿服务记录统计得出',
  },
  atLeast: '余',
  restsOnGenerated: '含模拟数据',
  basemaps: {
    none: '无底图（离线）',
    offline: '本地离线地图',
    tianditu: '天地图',
    amap: '高德地图',
    osm: 'OpenStreetMap',
  },
  basemapFailed: {
    offline: '{basemap}加载失败（网络不通？），已改用本地离线地图。',
    none: '{basemap}加载失败（网络不通？），仅显示辖区边界。',
  },
  basemapCredits: { tianditu: '© 天地图', amap: '© 高德地图', osm: '© OpenStreetMap 贡献者' },
  mapApproval: '审图号：{number}',
  metrics: metricNames('zh'),
  units: { people: '人', households: '户', perKm2: '人/平方公里', hours: '小时', cases: '件', ratio: '', score: '分' },
  unitsOfOne: { households: '户', cases: '件' },
  categories: wordsIn(CATEGORY_TEXT, 'zh'),
  statuses: wordsIn(STATUS_TEXT, 'zh'),
  roles: {
    ADMIN: '管理员',
    LEADER: '负责人',
    ANALYST: '分析员',
    GRID_WORKER: '网格员',
    DISPLAY: '大屏',
    PUBLIC: '访客',
  },
  auth: {
    title: '登录网格通',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    signingIn: '正在登录…',
    signOut: '退出',
    badCredentials: '用户名或密码不正确。',
    locked: '密码错误次数过多，已暂停登录，请于 {time} 后再试。',
    crossSite: '登录请求来自其他网站，已拒绝。请直接打开本系统的登录页。',
    failed: '无法连接服务器，请稍后再试。',
    expired: '登录已过期，请重新登录。',
    required: '本系统需要登录后使用。',
    signedOut: '已退出登录。',
    continuePublic: '不登录，查看公开数据',
    allScope: '全部辖区',
    admin: '账号管理',
    gridWorker: '网格员',
    gridWorkerHidden: '网格员姓名和电话仅对本辖区负责人可见。',
  },
  admin: {
    title: '账号与令牌管理',
    forbidden: '只有管理员可以管理账号和令牌。',
    accounts: '账号',
    tokens: 'API 令牌与大屏令牌',
    audit: '最近的登录与变更记录',
    username: '用户名',
    displayName: '姓名',
    role: '角色',
    scope: '辖区',
    scopeHint: '街道或社区代码；网格员填网格代码；留空为全部',
    created: '创建时间',
    lastLogin: '最近登录',
    lastUsed: '最近使用',
    expires: '有效期至',
    never: '从未',
    state: '状态',
    active: '正常',
    disabled: '已停用',
    revoked: '已吊销',
    expired: '已过期',
    disable: '停用',
    enable: '启用',
    resetPassword: '重置密码',
    revoke: '吊销',
    createAccount: '新建账号',
    createToken: '新建令牌',
    tokenName: '名称（用于哪块屏幕或哪个程序）',
    noExpiry: '留空表示长期有效',
    passwordOnce: '{name} 的密码（只显示这一次，请立即转交）：',
    tokenOnce: '令牌（只显示这一次，请立即保存）：',
    openWall: '打开大屏',
    confirmRevoke: '吊销后，使用此令牌的程序和大屏将立即停止工作。确定吊销？',
    confirmDisable: '停用后，该账号将立即退出所有已登录的设备。确定停用？',
    time: '时间',
    action: '事件',
    actor: '操作者',
    subject: '对象',
    address: '地址',
    back: '返回看板',
    pages: { users: '账号管理', import: '数据导入' },
    actions: {
      login: '登录',
      'login.failed': '登录失败',
      'login.locked': '登录被锁定',
      logout: '退出',
      'account.created': '新建账号',
      'account.disabled': '停用账号',
      'account.enabled': '启用账号',
      'account.password_reset': '重置密码',
      'token.created': '新建令牌',
      'token.revoked': '吊销令牌',
    },
  },
  import: {
    title: '数据导入',
    forbidden: '只有管理员可以导入数据。',
    intro:
      '导入本街道的边界（GeoJSON、压缩的 Shapefile、KML）、统计数据（XLSX、CSV）或 12345 热线工单（XLSX、CSV）。先检查，核对无误后再确认导入；有任何问题时不会导入任何数据。',
    files: '文件',
    drop: '把文件拖到这里，或',
    choose: '选择文件…',
    accepts: '可选多个：.geojson .json .kml .zip（Shapefile）.xlsx .xls .csv',
    remove: '移除',
    kind: '数据类型',
    kinds: { auto: '自动识别', boundaries: '边界', figures: '统计数据', cases: '12345 工单' },
    crs: '坐标系',
    crsOptions: {
      auto: '按文件（.prj），否则 WGS-84',
      wgs84: 'WGS-84（GPS、天地图）',
      gcj02: 'GCJ-02（高德、腾讯）',
      bd09: 'BD-09（百度）',
      cgcs2000: 'CGCS2000（国家 2000）',
      epsg: '其他 EPSG 代码…',
    },
    crsHint: '在高德地图上描的边界是 GCJ-02，在百度地图上描的是 BD-09；选错会偏移几百米。',
    epsg: 'EPSG 代码',
    encoding: '文字编码',
    encodings: { auto: '自动识别', utf8: 'UTF-8', gbk: 'GBK（中文 Windows）' },
    sheet: '工作表',
    sheetHint: '留空为第一个工作表',
    asOf: '数据日期',
    asOfHint: '统计数据的截止日期，或新边界的生效日期；留空为今天',
    advanced: '高级：列名对应',
    map: '列名对应',
    mapHint: '例如 population=人口数,category:噪音扰民=DISPUTE',
    check: '检查',
    confirm: '确认导入',
    again: '导入其他文件',
    waiting: '选择文件和选项后点“检查”：先检查文件，不写入数据库。',
    phases: { sending: '正在上传', reading: '正在读取文件', checking: '正在检查', writing: '正在写入', done: '完成' },
    checkTitle: '检查结果',
    resultTitle: '导入结果',
    created: '新增',
    updated: '更新',
    unchanged: '不变',
    retired: '停用',
    notes: '说明',
    location: '位置',
    field: '字段',
    problem: '问题',
    refused: '发现 {count} 个问题，不会导入任何数据。请改正文件后重新检查。',
    clean: '没有发现问题。请在地图上核对，然后确认导入。',
    nothingToImport: '没有发现问题，文件与系统中的数据相同，无需导入。',
    imported: '导入完成。',
    preview: '地图预览',
    previewEmpty: '这些数据没有可在地图上显示的地点。',
    failures: {
      unauthenticated: '登录已过期，请重新登录后再试（已选的文件会保留）。',
      forbidden: '服务器不允许这个账号导入数据。',
      tooLarge: '文件太大，服务器拒收。',
      badRequest: '服务器拒绝了这次请求。',
      network: '无法连接服务器，请检查网络后重试。',
      server: '服务器出错，没有完成。',
      interrupted: '与服务器的连接中断，没有收到结果。请重新检查，看数据是否已导入。',
    },
    signInAgain: '在新标签页中重新登录',
  },
  report: {
    link: '月报',
    title: '{scope} {month} 网格治理月报',
    month: '月份',
    print: '打印',
    printed: '打印日期',
    sources: '数据来源：',
    separator: '；',
    back: '返回看板',
    figures: '本月考核指标',
    league: '考核排名',
    malformed: '无法识别月份“{month}”：请写成 2026-10 这样的年月（2000 年以后）。',
    future: '{month} 尚未开始：月报只能查看本月及以前的月份。',
    unknownScope: '找不到社区“{scope}”，或您无权查看。请从看板打开月报。',
  },
};

const en: Strings = {
  title: 'GridScope · Community grid governance',
  allCommunities: 'All communities',
  metric: 'Metric',
  download: 'Download',
  languageSwitch: '中文',
  period: 'Period',
  basemap: 'Basemap',
  noLocation: 'These communities have no known location and are not drawn on the map:',
  noLocationHere: 'This community has no known location, so it has no map; its figures are counted as usual.',
  buildingsNeedSignIn: 'Sign in to see where the buildings stand.',
  loading: 'Loading…',
  error: 'Cannot reach the server; what you see may be out of date.',
  retry: 'Retry',
  empty: 'No data',
  crashed: 'This part failed; the rest still works.',
  ranking: 'Ranking',
  tooFew: 'too few cases',
  search: 'Find a community, grid or building',
  searchNone: 'Nothing found',
  compare: 'Compare',
  compareHint: 'Pick 2 to 10 communities or grids to compare',
  compareOneMore: 'Pick one more to compare',
  gridsOf: 'Grids of {name}',
  unknownCommunity: 'There is no community "{code}"',
  unknownGrid: 'This community has no grid "{code}"',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  backToMap: 'Back to the map',
  perThousand: 'per 1,000',
  best: 'best',
  worst: 'worst',
  openCases: 'Open cases',
  overdue: 'overdue',
  deadline: 'deadline',
  noOpenCases: 'No open cases',
  charts: {
    population: 'Population and households',
    partyPerThousand: 'Party members per 1,000 residents',
    volunteerHours: 'Volunteer hours per month',
    caseFlow: 'Cases reported and closed per month',
    reported: 'Reported',
    closed: 'Closed',
    rates: 'Closure and on-time rate',
    categories: 'Cases by category',
    open: 'Open',
    largestOf: 'The {shown} largest of {total}',
    between: '… {count} more …',
    andMore: 'and {count} more',
  },
  kinds: { COMMUNITY: 'Community', GRID: 'Grid', BUILDING: 'Building' },
  cases: {
    overdueTitle: 'Overdue cases',
    overdueHint: 'Most days overdue first; includes cases not yet accepted',
    noneOverdue: 'No overdue cases',
    more: 'Show more',
    code: 'Case',
    category: 'Category',
    grid: 'Grid',
    source: 'Source',
    daysOverdue: 'Days overdue',
    days: '{days} days',
    oneDay: '1 day',
    today: 'today',
    sources: wordsIn(SOURCE_TEXT, 'en'),
    title: 'Case',
    reported: 'Reported',
    accepted: 'Accepted',
    deadline: 'Deadline',
    extended: 'extended (approved {at})',
    closed: 'Closed',
    timeline: 'Timeline',
    place: 'Where',
    locationHidden: 'Sign in to see exactly where; the map shows its grid.',
    noPlace: 'This case has no place to show on a map.',
    unknown: 'There is no case {code}.',
  },
  wall: {
    title: 'GridScope · Service hall',
    updated: 'Updated',
    staleSince: 'Stale since',
    tokenMissing: 'This display has no display token',
    tokenInvalid: 'The display token is invalid or has been revoked',
    tokenNotDisplay: 'A wall opens with a display token only, not a token of another role',
    tokenHelp:
      'Ask the administrator: npm run token -- create --role display --name "Hall screen 1", then add ?token=… to the address',
    scopeUnknown: 'No such scope',
    monthly: 'Reported and closed, 12 months',
    latest: 'Latest cases',
    ranking: 'Ranking',
    allScope: 'All communities',
  },
  periods: {
    month: 'This month',
    lastMonth: 'Last month',
    quarter: 'This quarter',
    thisYear: 'This year',
    year: 'Last 12 months',
    twoYears: 'Last 24 months',
    custom: 'Custom',
  },
  periodFrom: 'From',
  periodTo: 'To',
  building: { kind: 'Kind', floors: 'Floors', units: 'stairwells', close: 'Close' },
  trend: { previous: 'MoM', yearEarlier: 'YoY', points: ' pts', asOf: 'As of', partial: 'month to date' },
  provenance: { STATED: 'Stated', IMPORTED: 'Imported', GENERATED: 'Demo', COMPUTED: 'Counted' },
  provenanceMeaning: {
    STATED: 'A figure published in the press or by an official source',
    IMPORTED: 'A file an administrator imported',
    GENERATED: 'Synthetic figures for the demonstration, not real ones',
    COMPUTED: 'Counted from case and volunteer records',
  },
  atLeast: '+',
  restsOnGenerated: 'includes synthetic figures',
  basemaps: {
    none: 'None (offline)',
    offline: 'Offline map (local)',
    tianditu: 'Tianditu',
    amap: 'AMap',
    osm: 'OpenStreetMap',
  },
  basemapFailed: {
    offline: '{basemap} could not be loaded (no network?): showing the offline map instead.',
    none: '{basemap} could not be loaded (no network?): showing our boundaries only.',
  },
  basemapCredits: { tianditu: '© Tianditu', amap: '© AMap (AutoNavi)', osm: '© OpenStreetMap contributors' },
  mapApproval: 'Map approval No. {number}',
  metrics: metricNames('en'),
  units: {
    people: 'people',
    households: 'households',
    perKm2: 'per km²',
    hours: 'h',
    cases: 'cases',
    ratio: '',
    score: '/5',
  },
  unitsOfOne: { households: 'household', cases: 'case' },
  categories: wordsIn(CATEGORY_TEXT, 'en'),
  statuses: wordsIn(STATUS_TEXT, 'en'),
  roles: {
    ADMIN: 'Admin',
    LEADER: 'Leader',
    ANALYST: 'Analyst',
    GRID_WORKER: 'Grid worker',
    DISPLAY: 'Display',
    PUBLIC: 'Visitor',
  },
  auth: {
    title: 'Sign in to GridScope',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    badCredentials: 'Wrong username or password.',
    locked: 'Too many wrong passwords: signing in is paused. Try again after {time}.',
    crossSite: 'The sign-in came from another website and was refused. Open this site’s login page directly.',
    failed: 'Cannot reach the server; try again later.',
    expired: 'Your session has ended; please sign in again.',
    required: 'This server needs you to sign in.',
    signedOut: 'You have signed out.',
    continuePublic: 'Continue without signing in (public figures)',
    allScope: 'all areas',
    admin: 'Accounts',
    gridWorker: 'Grid worker',
    gridWorkerHidden: 'Grid workers’ names and phones are shown only to the leaders of their area.',
  },
  admin: {
    title: 'Accounts and tokens',
    forbidden: 'Only an admin may manage accounts and tokens.',
    accounts: 'Accounts',
    tokens: 'API and display tokens',
    audit: 'Recent sign-ins and changes',
    username: 'Username',
    displayName: 'Name',
    role: 'Role',
    scope: 'Area',
    scopeHint: 'Sub-district or community code; a grid code for a grid worker; empty for all',
    created: 'Created',
    lastLogin: 'Last sign-in',
    lastUsed: 'Last used',
    expires: 'Expires',
    never: 'never',
    state: 'State',
    active: 'active',
    disabled: 'disabled',
    revoked: 'revoked',
    expired: 'expired',
    disable: 'Disable',
    enable: 'Enable',
    resetPassword: 'Reset password',
    revoke: 'Revoke',
    createAccount: 'New account',
    createToken: 'New token',
    tokenName: 'Name (which screen or program it is for)',
    noExpiry: 'empty: does not expire',
    passwordOnce: 'Password of {name} (shown this once, hand it over now):',
    tokenOnce: 'Token (shown this once, store it now):',
    openWall: 'Open the wall',
    confirmRevoke: 'Programs and walls using this token stop at once. Revoke it?',
    confirmDisable: 'The account is signed out on every device at once. Disable it?',
    time: 'Time',
    action: 'Event',
    actor: 'By',
    subject: 'Subject',
    address: 'Address',
    back: 'Back to the dashboard',
    pages: { users: 'Accounts', import: 'Import data' },
    actions: {
      login: 'Signed in',
      'login.failed': 'Failed sign-in',
      'login.locked': 'Sign-in locked',
      logout: 'Signed out',
      'account.created': 'Account created',
      'account.disabled': 'Account disabled',
      'account.enabled': 'Account enabled',
      'account.password_reset': 'Password reset',
      'token.created': 'Token created',
      'token.revoked': 'Token revoked',
    },
  },
  import: {
    title: 'Import data',
    forbidden: 'Only an admin may import data.',
    intro:
      'Load your sub-district’s boundaries (GeoJSON, zipped Shapefile, KML), figures (XLSX, CSV) or 12345 hotline cases (XLSX, CSV). Check first, look it over, then confirm; a file with any problem imports nothing.',
    files: 'Files',
    drop: 'Drop files here, or',
    choose: 'Choose files…',
    accepts: 'One or more: .geojson .json .kml .zip (Shapefile) .xlsx .xls .csv',
    remove: 'Remove',
    kind: 'Kind of data',
    kinds: { auto: 'Recognise', boundaries: 'Boundaries', figures: 'Figures', cases: '12345 cases' },
    crs: 'Coordinate system',
    crsOptions: {
      auto: 'From the file (.prj), else WGS-84',
      wgs84: 'WGS-84 (GPS, Tianditu)',
      gcj02: 'GCJ-02 (AMap, Tencent)',
      bd09: 'BD-09 (Baidu)',
      cgcs2000: 'CGCS2000',
      epsg: 'Other EPSG code…',
    },
    crsHint:
      'Boundaries traced on AMap are GCJ-02, on Baidu Maps BD-09; the wrong choice shifts them by hundreds of metres.',
    epsg: 'EPSG code',
    encoding: 'Text encoding',
    encodings: { auto: 'Recognise', utf8: 'UTF-8', gbk: 'GBK (Chinese Windows)' },
    sheet: 'Sheet',
    sheetHint: 'empty: the first sheet',
    asOf: 'As of',
    asOfHint: 'when the figures were counted, or from when new boundaries hold; empty: today',
    advanced: 'Advanced: column names',
    map: 'Column names',
    mapHint: 'e.g. population=人口数,category:噪音扰民=DISPUTE',
    check: 'Check',
    confirm: 'Confirm import',
    again: 'Import other files',
    waiting: 'Choose files and options, then Check: the files are checked, nothing is written.',
    phases: {
      sending: 'Uploading',
      reading: 'Reading the files',
      checking: 'Checking',
      writing: 'Writing',
      done: 'Done',
    },
    checkTitle: 'Check',
    resultTitle: 'Import',
    created: 'New',
    updated: 'Updated',
    unchanged: 'Unchanged',
    retired: 'Retired',
    notes: 'Notes',
    location: 'Where',
    field: 'Field',
    problem: 'Problem',
    refused: 'Problems found: {count}. Nothing will be imported; correct the file and check again.',
    clean: 'No problems found. Look it over on the map, then confirm the import.',
    nothingToImport: 'No problems found; the file holds what the system already has, so there is nothing to import.',
    imported: 'Imported.',
    preview: 'Map preview',
    previewEmpty: 'Nothing in this data can be drawn on a map.',
    failures: {
      unauthenticated: 'Your session has ended: sign in again, then retry (the chosen files are kept).',
      forbidden: 'The server does not let this account import data.',
      tooLarge: 'A file is too large for the server.',
      badRequest: 'The server refused the request.',
      network: 'Cannot reach the server; check the network and retry.',
      server: 'The server failed; nothing was finished.',
      interrupted: 'The connection broke before the result came. Check again to see whether the data was imported.',
    },
    signInAgain: 'Sign in again in a new tab',
  },
  report: {
    link: 'Monthly report',
    title: '{scope}: grid governance report, {month}',
    month: 'Month',
    print: 'Print',
    printed: 'Printed',
    sources: 'Sources: ',
    separator: '; ',
    back: 'Back to the dashboard',
    figures: 'Assessment figures of the month',
    league: 'League table',
    malformed: 'Cannot read the month “{month}”: write it as a year and month such as 2026-10 (from 2000 on).',
    future: '{month} has not begun: a report shows this month or an earlier one.',
    unknownScope: 'No community “{scope}”, or not one you may see. Open the report from the dashboard.',
  },
};

export const CATALOGUE: Record<Language, Strings> = { 'zh-CN': zh, en };
