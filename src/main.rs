fn main() {
    vagval::start();
}
