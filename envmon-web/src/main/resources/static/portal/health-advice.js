// Health effects and advice per AQI level, both editions of HJ 633.
// 2012: HJ 633-2012 §4.3 Table 2 (columns "对健康影响情况" and "建议采取的措施").
// 2026: HJ 633-2026 §4.1.1 Table 1 (reworded: 青少年儿童, 心血管系统疾病, 敏感人群) and the new Table 2
// (sensitive groups per pollutant whose IAQI exceeds 100). The 2026 texts below follow the standards digest's
// summary of Table 1 and Table 2; the 2012 texts are the standard's own.

const E2012 = {
  zh: [
    ['空气质量令人满意，基本无空气污染', '各类人群可正常活动'],
    ['空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响', '极少数异常敏感人群应减少户外活动'],
    ['易感人群症状有轻度加剧，健康人群出现刺激症状',
      '儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼'],
    ['进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响',
      '儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动'],
    ['心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状',
      '儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动'],
    ['健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病',
      '儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动'],
  ],
  en: [
    ['Air quality is satisfactory; air pollution poses little or no risk.', 'Everyone can be active as usual.'],
    ['Air quality is acceptable; some pollutants may slightly affect a very small number of unusually sensitive people.',
      'Unusually sensitive people should reduce outdoor activity.'],
    ['Symptoms of susceptible people worsen mildly; healthy people may feel irritation.',
      'Children, the elderly and people with heart or respiratory disease should reduce long or intense outdoor exercise.'],
    ['Symptoms of susceptible people worsen further; possible effects on the heart and lungs of healthy people.',
      'Children, the elderly and people with heart or respiratory disease should avoid long or intense outdoor exercise; everyone should reduce outdoor activity somewhat.'],
    ['Symptoms of heart and lung patients worsen markedly, exercise tolerance drops; symptoms are widespread among healthy people.',
      'Children, the elderly and heart or lung patients should stay indoors and stop outdoor exercise; the general public should reduce outdoor activity.'],
    ['Healthy people lose exercise tolerance and show marked symptoms; some diseases may appear early.',
      'Children, the elderly and the sick should stay indoors and avoid exertion; the general public should avoid outdoor activity.'],
  ],
};

const E2026 = {
  zh: [
    ['空气质量令人满意，基本无空气污染', '各类人群可正常活动'],
    ['空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响', '极少数异常敏感人群应减少户外活动'],
    ['敏感人群症状有轻度加剧，健康人群出现刺激症状',
      '青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼'],
    ['进一步加剧敏感人群症状，可能对健康人群心脏、呼吸系统有影响',
      '青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动'],
    ['心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状',
      '青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者应停留在室内，停止户外运动，一般人群减少户外运动'],
    ['健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病',
      '青少年儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动'],
  ],
  en: [
    E2012.en[0], E2012.en[1],
    ['Symptoms of sensitive people worsen mildly; healthy people may feel irritation.',
      'Children and adolescents, the elderly and people with cardiovascular or respiratory disease should reduce long or intense outdoor exercise.'],
    ['Symptoms of sensitive people worsen further; possible effects on the heart and lungs of healthy people.',
      'Children and adolescents, the elderly and people with cardiovascular or respiratory disease should avoid long or intense outdoor exercise; everyone should reduce outdoor activity somewhat.'],
    ['Symptoms of heart and lung patients worsen markedly, exercise tolerance drops; symptoms are widespread among healthy people.',
      'Children and adolescents, the elderly and people with cardiovascular or respiratory disease should stay indoors and stop outdoor exercise; the general public should reduce outdoor activity.'],
    ['Healthy people lose exercise tolerance and show marked symptoms; some diseases may appear early.',
      'Children and adolescents, the elderly and the sick should stay indoors and avoid exertion; the general public should avoid outdoor activity.'],
  ],
};

/** HJ 633-2026 Table 2: who should take measures when a pollutant's IAQI exceeds 100. */
const SENSITIVE_2026 = {
  so2: { zh: '哮喘患者、青少年儿童、老年人', en: 'people with asthma; children and adolescents; the elderly' },
  no2: { zh: '呼吸系统疾病（如哮喘）患者、青少年儿童、老年人',
    en: 'people with respiratory disease (e.g. asthma); children and adolescents; the elderly' },
  co: { zh: '心血管系统疾病患者', en: 'people with cardiovascular disease' },
  o3: { zh: '呼吸系统疾病（如哮喘）患者、青少年儿童、户外活动频繁人群、老年人',
    en: 'people with respiratory disease (e.g. asthma); children and adolescents; people often active outdoors; the elderly' },
  pm: { zh: '心血管或呼吸系统疾病（如哮喘）患者、青少年儿童、户外活动频繁人群、老年人',
    en: 'people with cardiovascular or respiratory disease (e.g. asthma); children and adolescents; people often active outdoors; the elderly' },
};

/** The 2012 edition names no groups per pollutant: from level 3 its advice names these. */
const SENSITIVE_2012 = { zh: '儿童、老年人及心脏病、呼吸系统疾病患者', en: 'children, the elderly, people with heart or respiratory disease' };

/** {effect, advice} of a level (1..6) under an edition ("2012" | "2026"), in a language; null for no level. */
export function healthAdvice(edition, level, lang) {
  if (!level) return null;
  const table = (edition === '2026' ? E2026 : E2012)[lang === 'en' ? 'en' : 'zh'];
  const [effect, advice] = table[level - 1];
  return { effect, advice };
}

/**
 * Sensitive groups for an hour or day: 2026 per pollutant whose IAQI exceeds 100 (Table 2), 2012 the general
 * groups from level 3. Returns [{pollutant, groups}] (pollutant null for the 2012 general groups).
 */
export function sensitiveGroups(edition, level, iaqi, lang) {
  const l = lang === 'en' ? 'en' : 'zh';
  if (edition !== '2026') return level >= 3 ? [{ pollutant: null, groups: SENSITIVE_2012[l] }] : [];
  const out = [];
  for (const [key, value] of Object.entries(iaqi || {})) {
    if (value == null || value <= 100) continue;
    const base = key.startsWith('o3') ? 'o3' : key.startsWith('pm') ? 'pm' : key;
    if (SENSITIVE_2026[base] && !out.some(o => o.base === base && o.pollutant === key)) {
      out.push({ pollutant: key, base, groups: SENSITIVE_2026[base][l] });
    }
  }
  return out;
}
