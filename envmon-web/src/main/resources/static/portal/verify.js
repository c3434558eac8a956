// The verify panel: the latest sealed checkpoint of the tamper-evident trail (GET /api/v1/chain/checkpoints/latest)
// and how anyone can check the published data against it.
import { register, t, applyLabels, pageHeader, langToggle, api, loadFailed } from './common.js';
import { LABELS, bjTime } from './detail-labels.js';

register(LABELS);
register({
  zh: {
    'cp-title': '最新封存的检查点', 'cp-period': '时段', 'cp-range': '记录序号', 'cp-root': 'Merkle 根', 'cp-sealed': '封存时间',
    'cp-none': '尚未封存任何检查点（平台每小时封存一次）',
    'how-title': '它证明什么',
    'how-proves': '平台收到的每个原始数据包（及其观测值）、每行导入数据和每个审核决定，都在写入的同一事务中追加到一条 SHA-256 哈希链上。链每小时封存一次：检查点的 Merkle 根（RFC 6962）概括了该小时的全部记录，并通过上一个检查点与此前的整条链相连。只要这个根已被记录下来，之后任何对历史数据的修改、删除或插入都无法再产生同一个根。',
    'how-keep': '请记下（或打印、签名、公开发布）上面的根：它就是您今天看到的数据的指纹。',
    'check-title': '如何核验',
    'check-local': '在平台所在的机器上（内置存储须先停止平台；PostgreSQL 可随时），用平台自带的命令逐条重读数据库并与哈希链比对；加 --checkpoints 可导出所有检查点的根（CSV），供外部签名和比对：',
    'check-server': '对运行中的平台（需要操作员或管理员令牌；检查点列表见 GET /api/v1/chain/checkpoints，同样需要令牌）：',
    'check-exit': '退出码 0 表示完整，1 表示被篡改（并指出第一条被改动的记录），3 表示尚无链，4 表示无法核验。',
    'check-compare': '比对：在导出的 CSV 中找到序号范围相同的行，其 Merkle 根应与您记录的根完全一致。',
    'check-doc': '链的序列化格式与校验规则见源码中的 envmon-store/CHAIN.md。',
  },
  en: {
    'cp-title': 'Latest sealed checkpoint', 'cp-period': 'Period', 'cp-range': 'Sequence range', 'cp-root': 'Merkle root',
    'cp-sealed': 'Sealed at', 'cp-none': 'No checkpoint sealed yet (the platform seals one every hour)',
    'how-title': 'What it proves',
    'how-proves': 'Every raw packet the platform receives (with its observations), every imported row and every review decision is appended to a SHA-256 hash chain in the same transaction that stores it. The chain is sealed every hour: the checkpoint\'s Merkle root (RFC 6962) sums up all entries of that hour and links, through the previous checkpoint, to the whole chain before it. Once this root has been recorded, no later change, deletion or insertion in the history can produce the same root.',
    'how-keep': 'Write down (or print, sign, publish) the root above: it is the fingerprint of the data you see today.',
    'check-title': 'How to check',
    'check-local': 'On the platform\'s machine (with the embedded store, stop the platform first; PostgreSQL at any time), the platform\'s own command re-reads every record of the store against the chain; --checkpoints also exports the roots of all checkpoints (CSV) for external signing and comparison:',
    'check-server': 'Against a running platform (an operator or admin token; the list of checkpoints is GET /api/v1/chain/checkpoints, with a token too):',
    'check-exit': 'Exit code 0 means intact, 1 tampered (it names the first altered record), 3 nothing chained yet, 4 could not verify.',
    'check-compare': 'Compare: in the exported CSV, the row with the same sequence range must carry exactly the root you recorded.',
    'check-doc': 'The chain\'s serialization and checks are documented in envmon-store/CHAIN.md in the source.',
  },
});

const el = id => document.getElementById(id);
const when = iso => (iso ? bjTime(new Date(iso)).replace('T', ' ').slice(0, 16) : '—');

async function load() {
  try {
    const cp = await api('/api/v1/chain/checkpoints/latest');
    el('cp-period').textContent = when(cp.periodStart) + ' – ' + when(cp.periodEnd).slice(11) + ' ' + t('beijing-time');
    el('cp-range').textContent = cp.firstSeq + ' – ' + cp.lastSeq;
    el('cp-root').textContent = cp.merkleRoot;
    el('cp-sealed').textContent = when(cp.sealedAt);
    el('checkpoint').dataset.state = 'sealed';
  } catch (e) {
    if (e.status === 404) {
      el('cp-root').textContent = t('cp-none');
      el('checkpoint').dataset.state = 'none';
    } else {
      loadFailed(e, load);
    }
  }
  document.body.dataset.ready = 'true';
}

pageHeader();
langToggle();
applyLabels();
document.querySelectorAll('.server-url').forEach(s => { s.textContent = location.origin; });
document.addEventListener('envmon:lang', load);
load();
