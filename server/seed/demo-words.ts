/**
 * Word lists of the demo data: lines of business with their VSIC 2018 level-4 codes and name stems, proper names for
 * organisations, villages, and Vietnamese personal names by ethnic group. Synthetic: any likeness is coincidence.
 */

/** Regional tags a territory carries; a line of business lists where it is common. */
export type Tag = 'north' | 'mountain' | 'delta' | 'coast' | 'central' | 'highland' | 'south' | 'city';

/** A line of business: VSIC code, name stems for HTX and THT, where it is found, and local products. */
export interface Activity {
  vsic: string;
  htx: readonly string[];
  tht: readonly string[];
  weight: number;
  tags?: readonly Tag[];
  products?: readonly string[];
}

const a = (vsic: string, htx: string[], tht: string[], weight: number, tags?: Tag[], products?: string[]): Activity =>
  ({ vsic, htx, tht, weight, tags, products });

/** Agricultural lines (VSIC section A and salt 0893: "agriculture" under NĐ 113/2024 Art. 4(1)). */
export const AGRI_ACTIVITIES: readonly Activity[] = [
  a('0161', ['Nông nghiệp Dịch vụ', 'Dịch vụ Nông nghiệp', 'Dịch vụ Nông nghiệp Tổng hợp', 'Nông nghiệp'], ['Dịch vụ làm đất', 'Dịch vụ nông nghiệp'], 9, undefined, ['Gạo']),
  a('0111', ['Sản xuất Lúa gạo', 'Lúa gạo Chất lượng cao', 'Nông nghiệp Sạch'], ['Sản xuất lúa', 'Trồng lúa hàng hóa'], 4, ['delta', 'central'], ['Gạo', 'Gạo nếp']),
  a('0112', ['Nông sản', 'Ngô giống'], ['Trồng ngô'], 1, ['mountain', 'highland']),
  a('0118', ['Rau an toàn', 'Rau sạch', 'Rau hữu cơ', 'Nông sản Sạch'], ['Trồng rau an toàn', 'Trồng rau sạch'], 6, undefined, ['Rau an toàn']),
  a('0118', ['Rau hoa Công nghệ cao', 'Hoa', 'Rau hoa'], ['Trồng hoa', 'Trồng rau hoa'], 4, ['highland'], ['Hoa', 'Atisô']),
  a('0121', ['Cây ăn quả', 'Nông nghiệp Trái cây'], ['Trồng cây ăn quả'], 3, undefined, ['Bưởi']),
  a('0121', ['Na', 'Hồng không hạt'], ['Trồng na', 'Trồng hồng'], 4, ['mountain'], ['Na', 'Hồng không hạt']),
  a('0121', ['Vải thiều', 'Nhãn vải'], ['Trồng vải'], 3, ['delta'], ['Vải thiều', 'Nhãn lồng']),
  a('0121', ['Sầu riêng', 'Bơ', 'Cây ăn quả Công nghệ cao'], ['Trồng sầu riêng', 'Trồng bơ'], 4, ['highland'], ['Sầu riêng', 'Bơ sáp']),
  a('0121', ['Thanh long'], ['Trồng thanh long'], 4, ['south', 'coast'], ['Thanh long']),
  a('0123', ['Điều'], ['Trồng điều'], 2, ['south'], ['Hạt điều']),
  a('0124', ['Hồ tiêu'], ['Trồng tiêu'], 2, ['highland'], ['Hồ tiêu']),
  a('0125', ['Cao su'], ['Trồng cao su'], 2, ['highland', 'central'], []),
  a('0126', ['Cà phê', 'Cà phê Sạch', 'Nông nghiệp Cà phê'], ['Trồng cà phê'], 7, ['highland'], ['Cà phê', 'Cà phê rang xay']),
  a('0127', ['Chè', 'Trà', 'Chè Sạch'], ['Sản xuất chè'], 5, ['mountain', 'highland'], ['Chè', 'Trà']),
  a('0128', ['Hồi', 'Dược liệu', 'Quế hồi'], ['Trồng hồi', 'Trồng cây dược liệu'], 5, ['mountain'], ['Tinh dầu hồi', 'Hoa hồi']),
  a('0128', ['Sâm Ngọc Linh', 'Dược liệu', 'Quế'], ['Trồng sâm', 'Trồng quế'], 5, ['highland', 'central'], ['Sâm Ngọc Linh', 'Quế']),
  a('0144', ['Chăn nuôi Dê'], ['Nuôi dê'], 1, ['delta', 'mountain'], ['Thịt dê']),
  a('0145', ['Chăn nuôi', 'Chăn nuôi Lợn'], ['Chăn nuôi lợn', 'Nuôi lợn đen'], 5, undefined, ['Lợn quay', 'Lạp sườn']),
  a('0146', ['Chăn nuôi Gia cầm', 'Chăn nuôi Gà'], ['Chăn nuôi gà', 'Nuôi vịt'], 4, undefined, ['Gà đồi', 'Trứng gà']),
  a('0149', ['Nuôi ong', 'Dâu tằm tơ'], ['Nuôi ong lấy mật', 'Trồng dâu nuôi tằm'], 2, undefined, ['Mật ong', 'Tơ tằm']),
  a('0150', ['Nông nghiệp Tổng hợp', 'Nông lâm nghiệp', 'Sản xuất Kinh doanh Tổng hợp'], ['Sản xuất nông nghiệp'], 5),
  a('0162', ['Dịch vụ Chăn nuôi', 'Chăn nuôi và Thú y'], ['Dịch vụ thú y'], 1),
  a('0210', ['Lâm nghiệp', 'Trồng rừng', 'Nông lâm nghiệp'], ['Trồng rừng', 'Trồng keo'], 4, ['mountain', 'highland'], []),
  a('0311', ['Khai thác Hải sản', 'Đánh bắt Hải sản Xa bờ', 'Nghề cá'], ['Đánh bắt hải sản'], 4, ['coast'], ['Cá khô', 'Mực khô']),
  a('0321', ['Nuôi trồng Hải sản', 'Nuôi trồng Thủy sản Nước lợ'], ['Nuôi ngao', 'Nuôi tôm'], 2, ['coast'], ['Ngao']),
  a('0322', ['Thủy sản', 'Nuôi trồng Thủy sản'], ['Nuôi cá', 'Nuôi cá lồng'], 4, undefined, ['Cá']),
  a('0893', ['Muối', 'Sản xuất Muối'], ['Sản xuất muối'], 1, ['coast'], ['Muối sạch']),
];

/** Non-agricultural lines: manufacturing, utilities, construction, trade, transport, tourism, services. */
export const OTHER_ACTIVITIES: readonly Activity[] = [
  a('1010', ['Chế biến Thực phẩm'], ['Chế biến thịt'], 2, undefined, ['Giò chả']),
  a('1020', ['Chế biến Thủy sản', 'Nước mắm'], ['Làm nước mắm'], 2, ['coast'], ['Nước mắm']),
  a('1079', ['Chế biến Nông sản', 'Thực phẩm Sạch', 'Nông sản Thực phẩm'], ['Làm bánh', 'Làm miến', 'Làm bún'], 6, undefined, ['Miến dong', 'Bánh']),
  a('1392', ['Thêu ren', 'Dệt may'], ['Thêu ren'], 3, ['delta'], ['Thêu ren']),
  a('1392', ['Dệt thổ cẩm'], ['Dệt thổ cẩm'], 2, ['mountain', 'highland'], ['Thổ cẩm']),
  a('1629', ['Mây tre đan', 'Mây tre đan Xuất khẩu', 'Thủ công Mỹ nghệ'], ['Mây tre đan', 'Đan lát'], 5, undefined, ['Mây tre đan']),
  a('1629', ['Cói Mỹ nghệ', 'Cói Xuất khẩu'], ['Dệt chiếu cói'], 2, ['delta', 'coast'], ['Chiếu cói']),
  a('2395', ['Sản xuất Vật liệu Xây dựng', 'Gạch Không nung'], ['Sản xuất gạch'], 2),
  a('3600', ['Nước sạch', 'Cấp nước Sinh hoạt'], ['Cấp nước sinh hoạt'], 2),
  a('3811', ['Vệ sinh Môi trường', 'Dịch vụ Môi trường'], ['Thu gom rác'], 3),
  a('4101', ['Xây dựng', 'Xây dựng và Dịch vụ'], ['Thợ xây'], 4),
  a('4299', ['Xây dựng Công trình', 'Xây dựng Thủy lợi'], ['Xây dựng'], 2),
  a('4632', ['Thương mại Dịch vụ', 'Thương mại', 'Dịch vụ Tổng hợp'], ['Buôn bán nông sản'], 6),
  a('4663', ['Kinh doanh Vật liệu Xây dựng'], ['Bán vật liệu xây dựng'], 1),
  a('4932', ['Vận tải Hành khách', 'Vận tải', 'Dịch vụ Vận tải'], ['Xe khách'], 4),
  a('4933', ['Vận tải Hàng hóa', 'Vận tải và Dịch vụ', 'Vận tải Thủy'], ['Vận tải hàng hóa'], 4),
  a('5510', ['Du lịch Cộng đồng', 'Du lịch Sinh thái', 'Du lịch Dịch vụ'], ['Làm du lịch cộng đồng', 'Homestay'], 3, ['mountain', 'highland', 'coast']),
  a('8810', ['Dịch vụ Xã hội', 'Chăm sóc Người cao tuổi'], [], 1, ['city']),
  a('9633', ['Dịch vụ Cưới hỏi', 'Dịch vụ Đời sống'], ['Phục vụ cưới hỏi'], 1),
];

/** Proper names organisations take (auspicious words), used when not named after their commune. */
export const PROPER_NAMES: readonly string[] = [
  'Tân Thành', 'Hồng Phong', 'Thành Công', 'Phú Thịnh', 'Hưng Thịnh', 'An Phát', 'Đoàn Kết', 'Quyết Thắng', 'Hợp Thành',
  'Tiến Thành', 'Thịnh Vượng', 'Phúc Lộc', 'Minh Phát', 'Bình An', 'Xuân Hòa', 'Đại Phát', 'Hòa Bình', 'Thống Nhất',
  'Tân Tiến', 'Toàn Thắng', 'Thắng Lợi', 'Phát Đạt', 'Kim Long', 'Hoàng Long', 'Sơn Thủy', 'Thiên Phú', 'Hương Sen',
  'Đồng Tâm', 'Hợp Lực', 'Bảo Ngọc', 'Tâm An', 'Việt Xanh', 'Xanh Tươi', 'Hoa Sen', 'Nhân Nghĩa', 'Phú Cường',
  'An Khang', 'Trường Thịnh', 'Hùng Cường', 'Thành Đạt', 'Tân Phú', 'Phú Hưng', 'Vạn Phúc', 'Gia Bảo', 'Minh Châu',
  'Ngọc Lâm', 'Tiền Phong', 'Đông Phương', 'Nam Tiến', 'Bắc Sơn', 'Tây Nguyên Xanh', 'Đất Việt', 'Quê Hương', 'Nông Phát',
  'Hưng Phát', 'Phú An', 'Lộc Phát', 'Kim Ngân', 'Thanh Bình', 'Hòa Phát', 'Tân Hưng', 'Vĩnh Phúc', 'Trung Kiên',
  'Đại Thành', 'Thái Bình', 'Hải Đăng', 'Sao Mai', 'Rạng Đông', 'Bình Minh', 'Thiên An', 'Hồng Hà', 'Sông Xanh',
  'Phú Quý', 'Tài Lộc', 'Cát Tường', 'Thuận Phát', 'Vạn An', 'Hoàng Gia', 'Mai Anh', 'Yên Bình', 'Thành Tâm',
];

/** Village names by kind of place, for addresses and THT names. */
export const VILLAGES: Readonly<Record<'mountain' | 'delta' | 'central' | 'highland' | 'city', readonly string[]>> = {
  mountain: ['Nà Pàn', 'Pác Luống', 'Khòn Pầu', 'Bản Cưởm', 'Nà Chuông', 'Còn Quan', 'Khau Ngần', 'Nà Lầm', 'Pò Mã', 'Bản Chu', 'Nà Thâm', 'Kéo Coọng', 'Pá Phiêng', 'Lũng Cùng'],
  delta: ['Đông', 'Đoài', 'Thượng', 'Trung', 'Hạ', 'Nam', 'Bắc', 'Tiền', 'Hậu', 'An Lạc', 'Phú Mỹ', 'Đồng Lạc', 'Cổ Đông', 'Yên Thái'],
  central: ['An Hòa', 'Phú Lộc', 'Tân An', 'Hòa Bình', 'Thạch Bích', 'An Điềm', 'Gò Da', 'Vạn Tường', 'Tịnh Long', 'Bình Thới'],
  highland: ['Kon Klor', 'Kon Tu Dốp', 'Plei Đôn', 'Đăk Răng', 'Tu Mơ Rông', 'Lộc Thành', 'Đạ Nghịt', 'B\'Đăng', 'Đăk R\'Moan', 'Kon Hring'],
  city: ['Tổ dân phố 1', 'Tổ dân phố 3', 'Tổ dân phố 5', 'Tổ dân phố 7', 'Khu phố 2', 'Khu phố 4', 'Khu 6', 'Khu 9'],
};

/**
 * How a group's names are built. Middles carry their own separator ("Văn ", "K'"): 'family' gives
 * "Nguyễn Văn Hùng" or "Ksor H'Hmai", 'prefix' gives "A Blong" or "K'Brơi", 'suffix' gives "Y Blong Niê".
 */
export interface NameStyle {
  pattern: 'family' | 'prefix' | 'suffix';
  families: readonly string[];
  male: readonly string[];
  female: readonly string[];
  maleMiddle: readonly string[];
  femaleMiddle: readonly string[];
}

const KINH_FAMILIES = [
  'Nguyễn', 'Nguyễn', 'Nguyễn', 'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Phạm', 'Hoàng', 'Vũ',
  'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Đinh', 'Đào', 'Phan', 'Lương', 'Mai', 'Trịnh', 'Lý', 'Hà', 'Võ', 'Huỳnh', 'Trương',
];
const KINH_MALE = [
  'Hùng', 'Dũng', 'Tuấn', 'Hải', 'Sơn', 'Thắng', 'Hưng', 'Cường', 'Long', 'Nam', 'Quân', 'Phong', 'Toàn', 'Tiến', 'Bình',
  'An', 'Khánh', 'Đức', 'Hòa', 'Lâm', 'Trung', 'Thành', 'Vinh', 'Hiếu', 'Quý', 'Phúc', 'Minh', 'Tùng', 'Chiến', 'Thanh',
];
const KINH_FEMALE = [
  'Lan', 'Hoa', 'Hương', 'Mai', 'Hằng', 'Thủy', 'Nga', 'Hạnh', 'Loan', 'Liên', 'Thảo', 'Trang', 'Yến', 'Nhung', 'Hiền',
  'Dung', 'Huệ', 'Phương', 'Vân', 'Quyên', 'Ngọc', 'Oanh', 'Xuân', 'Hà', 'Linh', 'Thu', 'Tâm', 'Duyên', 'Chi', 'Gấm',
];
const MALE_MIDDLE = ['Văn ', 'Văn ', 'Văn ', 'Đức ', 'Minh ', 'Quang ', 'Hữu ', 'Công ', 'Xuân ', 'Thanh ', 'Ngọc '];
const FEMALE_MIDDLE = ['Thị ', 'Thị ', 'Thị ', 'Thị ', 'Thu ', 'Ngọc ', 'Thanh ', 'Hồng ', 'Minh '];
const kinhLike = (families: string[]): NameStyle => ({
  pattern: 'family', families, male: KINH_MALE, female: KINH_FEMALE, maleMiddle: MALE_MIDDLE, femaleMiddle: FEMALE_MIDDLE,
});
const GIVEN = ['Blong', 'Hmai', 'Nhơ', 'Bơr', 'Phơk', 'Hơn', 'Jú', 'Brơi', 'Điệp', 'Sen', 'Thanh', 'Hùng', 'Bình', 'Tâm', 'Hiếu', 'Khiêm', 'Hlim', 'Ngơn'];
const highland = (pattern: NameStyle['pattern'], families: string[], maleMiddle: string[], femaleMiddle: string[]): NameStyle => ({
  pattern, families, male: GIVEN, female: GIVEN, maleMiddle, femaleMiddle,
});

/** Naming style of each ethnic group the demo provinces have. */
export const NAME_STYLES: Readonly<Record<string, NameStyle>> = {
  Kinh: kinhLike(KINH_FAMILIES),
  Tày: kinhLike(['Hoàng', 'Hoàng', 'Nông', 'Nông', 'Lương', 'Hà', 'Vi', 'Lăng', 'Chu', 'Đinh', 'Hứa', 'Ma', 'Bế', 'Lý', 'Nguyễn']),
  Nùng: kinhLike(['Hoàng', 'Vi', 'Vi', 'Lý', 'Nông', 'Lành', 'Triệu', 'Chu', 'Lục', 'Mã', 'Hứa', 'Đàm', 'Lương', 'Chu']),
  Dao: kinhLike(['Triệu', 'Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng', 'Chảo']),
  'Sán Chay': kinhLike(['Lâm', 'Hoàng', 'Trương', 'Lý', 'Hà']),
  Hoa: kinhLike(['Lâm', 'Trương', 'Lý', 'Hoàng', 'Tăng', 'Mạc']),
  Mường: kinhLike(['Đinh', 'Đinh', 'Bùi', 'Bùi', 'Quách', 'Hà', 'Cao']),
  Hrê: kinhLike(['Đinh', 'Đinh', 'Đinh', 'Phạm', 'Nguyễn']),
  Cor: kinhLike(['Hồ', 'Hồ', 'Đinh', 'Nguyễn']),
  'Ca Dong': kinhLike(['Hồ', 'Đinh', 'Phạm']),
  Chăm: kinhLike(['Thông', 'Quảng', 'Đàng', 'Lưu', 'Thuận', 'Ông']),
  Raglai: kinhLike(['Katơr', 'Chamaléa', 'Pinăng', 'Mấu']),
  'Xơ Đăng': highland('prefix', [], ['A '], ['Y ']),
  'Ba Na': highland('prefix', [], ['A '], ['Y ']),
  'Giẻ Triêng': highland('prefix', [], ['A '], ['Y ']),
  'Gia Rai': highland('family', ['Ksor', 'Siu', 'Rơ Châm', 'Nay', 'Rah Lan'], [''], ["H'"]),
  'Ê Đê': highland('suffix', ['Niê', 'Mlô', 'Ayun', 'Êban', 'Byă'], ['Y '], ["H'"]),
  "K'Ho": highland('prefix', [], ["K'"], ['Ka ']),
  Mạ: highland('prefix', [], ['Điểu K'], ['Ka ']),
  'Chu Ru': highland('prefix', [], ['Ya '], ['Ma ']),
  "M'Nông": highland('prefix', [], ['Điểu '], ["H'"]),
};

/** Titles of the legal representative by kind of organisation. */
export const REP_TITLES: Readonly<Record<'THT' | 'HTX' | 'LHHTX', readonly string[]>> = {
  THT: ['Tổ trưởng'],
  HTX: ['Giám đốc', 'Giám đốc', 'Chủ tịch Hội đồng quản trị kiêm Giám đốc', 'Chủ tịch Hội đồng quản trị'],
  LHHTX: ['Chủ tịch Hội đồng quản trị', 'Tổng giám đốc'],
};

/** Reasons an officer returns a yearly report (comment trail of the demo review queue). */
export const RETURN_REASONS: readonly string[] = [
  'Đề nghị bổ sung số lao động tham gia bảo hiểm xã hội.',
  'Doanh thu từ thành viên lớn hơn tổng doanh thu, đề nghị kiểm tra lại.',
  'Chưa có ngày họp Đại hội thành viên thường niên.',
  'Số thành viên giảm mạnh so với năm trước, đề nghị giải trình.',
  'Đề nghị đính kèm báo cáo tài chính năm.',
];

/** Certifications agricultural organisations hold. */
export const CERTIFICATIONS: readonly string[] = ['VietGAP', 'VietGAHP', 'Hữu cơ (TCVN 11041)', 'GlobalGAP', 'Mã số vùng trồng'];
