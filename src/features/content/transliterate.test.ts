import { describe, expect, it } from 'vitest';
import { detectCyrillicLanguage, transliterate } from './transliterate.js';

describe('Cyrillic in Latin letters', () => {
  it('follows the Ukrainian national standard, with initial and inner forms', () => {
    // Examples from the 2010 standard's own table.
    const examples: [string, string][] = [
      ['Алушта', 'Alushta'],
      ['Згорани', 'Zghorany'],
      ['Розгон', 'Rozghon'],
      ['Єнакієве', 'Yenakiieve'],
      ['Їжакевич', 'Yizhakevych'],
      ['Кадиївка', 'Kadyivka'],
      ['Йосипівка', 'Yosypivka'],
      ['Стрий', 'Stryi'],
      ['Олексій', 'Oleksii'],
      ['Юрій', 'Yurii'],
      ['Крюківка', 'Kriukivka'],
      ['Яготин', 'Yahotyn'],
      ['Костянтин', 'Kostiantyn'],
      ['Щербухи', 'Shcherbukhy'],
      ['Гоща', 'Hoshcha'],
      ['Ґалаґан', 'Galagan'],
      ['Харків', 'Kharkiv'],
      ['Біла Церква', 'Bila Tserkva'],
      ['Житомир', 'Zhytomyr'],
      ['Знам’янка', 'Znamianka'],
      ['Київ', 'Kyiv'],
    ];
    for (const [cyrillic, latin] of examples) expect(transliterate(cyrillic)).toBe(latin);
  });

  it('recognises Russian, Belarusian, Bulgarian and Serbian by their own letters', () => {
    expect(detectCyrillicLanguage('Съёмки фильма')).toBe('ru');
    expect(transliterate('Щёлково')).toBe('Shchyolkovo');
    expect(detectCyrillicLanguage('Беларусь і Мінск, вуліцы')).toBe('be');
    expect(transliterate('Гомель і вуліцы')).toBe('Homel i vulitsy');
    expect(detectCyrillicLanguage('Търговище')).toBe('bg');
    expect(transliterate('Търговище')).toBe('Targovishte');
    expect(detectCyrillicLanguage('Љубљана и Њујорк')).toBe('sr');
    expect(transliterate('Ђорђе Џаја')).toBe('Djordje Dzaja');
  });

  it('leaves text without Cyrillic as it is', () => {
    expect(transliterate('Café – 24/7')).toBe('Café – 24/7');
  });
});
