import type { SeededRandom } from './random';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
const GIVEN = [
  '建国',
  '秀英',
  '桂兰',
  '志强',
  '丽娟',
  '海燕',
  '卫东',
  '晓明',
  '玉梅',
  '红霞',
  '国庆',
  '春华',
  '文杰',
  '淑珍',
  '立新',
  '小军',
];

/** A made-up person's name: generated rows never carry a real resident's name. */
export function personName(random: SeededRandom): string {
  return random.pick(SURNAMES) + random.pick(GIVEN);
}

/** A phone number in the 1380000xxxx block, which is plainly fictitious. */
export function phoneNumber(random: SeededRandom): string {
  return `1380000${String(random.int(0, 9999)).padStart(4, '0')}`;
}
