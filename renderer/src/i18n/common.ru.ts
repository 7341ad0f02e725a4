/** Texts every work screen uses (lists, paging, empty states): its texts (keys under `common.*`). */
export const commonRu = {
  more: 'Показать ещё',
  shown: 'Показано {{shown}} из {{total}}',
  cancel: 'Отмена',
  save: 'Сохранить',
  saving: 'Сохраняем…',
  loading: 'Загрузка…',
  openOnHh: 'Открыть на hh.ru',
  all: 'Все',
};
