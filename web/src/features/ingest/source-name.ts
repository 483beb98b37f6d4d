import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const PLATFORMS = ['2gis', 'dianping', 'facebook', 'google', 'hotline', 'meituan', 'offline', 'prodoctorov', 'rss', 'verity_survey', 'weibo', 'xiaohongshu', 'yandex_maps'] as const;

/**
 * Names of sources and platforms in the reader's language: the sources Verity keeps for itself
 * ("File import", "Manual entry") and the platforms it knows ("2gis") by their words; a name or
 * platform people typed in stays as they wrote it.
 */
export function useSourceWords() {
  const { t } = useI18n();
  return {
    sourceName: (name: string, builtIn: 'manual' | 'upload' | 'survey' | null | undefined) => (builtIn ? t(`source.builtIn.${builtIn}`) : name),
    platformName: (platform: string) => ((PLATFORMS as readonly string[]).includes(platform) ? t(`platform.${platform}` as MessageKey) : platform),
  };
}
